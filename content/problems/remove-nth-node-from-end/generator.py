def generate(n, rng):
    """n random values; the node to remove is among the last few, the worst case for a
    solution that counts the rest of the list at every node."""
    return {
        "head": [rng.randint(-10**9, 10**9) for _ in range(n)],
        "n": rng.randint(1, min(n, 5)),
    }
