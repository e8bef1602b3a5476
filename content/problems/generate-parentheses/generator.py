def generate(n, rng):
    """The number of pairs is n itself; there is nothing random about this input."""
    return {"n": n}
