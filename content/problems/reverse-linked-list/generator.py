def generate(n, rng):
    """A list of n nodes with random values across the whole allowed range."""
    return {"head": [rng.randint(-10**9, 10**9) for _ in range(n)]}
