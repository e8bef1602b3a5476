def generate(n, rng):
    """n distinct integers from -10 to 10 in random order (n! permutations; n is at most 8)."""
    return {"nums": rng.sample(range(-10, 11), n)}
