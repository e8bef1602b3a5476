def generate(n, rng):
    """n numbers, almost all 1 or -1, with up to 19 values from {-3, -2, 2, 3} (3^19 < 2^31, so
    every prefix and suffix product stays in range) at random positions. No zeros, so every
    answer is non-zero and depends on the whole list."""
    nums = [rng.choice((1, -1)) for _ in range(n)]
    for i in rng.sample(range(n), min(n, 19)):
        nums[i] = rng.choice((-3, -2, 2, 3))
    return {"nums": nums}
