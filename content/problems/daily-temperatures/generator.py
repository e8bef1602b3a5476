def generate(n, rng):
    """n // 2 days of falling (non-increasing) temperatures, then random ones.

    Each falling day waits until the random part, so scanning ahead from every day costs about
    n * n / 8 steps, while the answers still vary.
    """
    falling = sorted((rng.randint(-100, 100) for _ in range(n // 2)), reverse=True)
    rest = [rng.randint(-100, 100) for _ in range(n - n // 2)]
    return {"temperatures": falling + rest}
