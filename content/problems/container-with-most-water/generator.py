def generate(n, rng):
    """n random wall heights from the whole range."""
    return {"height": [rng.randint(0, 10_000) for _ in range(n)]}
