def generate(n, rng):
    """Two sorted lists of n random values each, drawn from the same range so they interleave."""
    return {
        "list1": sorted(rng.randint(-10**9, 10**9) for _ in range(n)),
        "list2": sorted(rng.randint(-10**9, 10**9) for _ in range(n)),
    }
