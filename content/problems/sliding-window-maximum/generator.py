def generate(n, rng):
    """n random values and a window of between a third and two thirds of n, where re-scanning
    every window costs about n^2 / 4 steps."""
    return {
        "nums": [rng.randint(-10**9, 10**9) for _ in range(n)],
        "k": rng.randint(max(1, n // 3), max(1, 2 * n // 3)),
    }
