def generate(n, rng):
    """A list of n nodes with random values (the parity of n decides odd or even length)."""
    return {"head": [rng.randint(-10**9, 10**9) for _ in range(n)]}
