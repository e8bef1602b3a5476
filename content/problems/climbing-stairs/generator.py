def generate(n, rng):
    """The staircase height is n itself; there is nothing random about this input."""
    return {"n": n}
