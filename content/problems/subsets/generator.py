def generate(n, rng):
    """n distinct integers from -10 to 10 in random order (2^n subsets; n is at most 10)."""
    return {"nums": rng.sample(range(-10, 11), n)}
