def generate(n, rng):
    """The board size is n itself; there is nothing random about this input."""
    return {"n": n}
