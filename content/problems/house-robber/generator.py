def generate(n, rng):
    """n house values in [0, 10,000], in stretches of 20 to 200 houses. A stretch is either
    uniform noise or "every third house is rich" (9,000+ at every third house, at most 100
    elsewhere), where the best plan skips two houses at a time: all even-indexed or all
    odd-indexed houses cannot follow it."""
    nums: list[int] = []
    while len(nums) < n:
        length = min(rng.randint(20, 200), n - len(nums))
        if rng.random() < 0.5:
            nums += [rng.randint(0, 10_000) for _ in range(length)]
        else:
            nums += [
                rng.randint(9_000, 10_000) if i % 3 == 0 else rng.randint(0, 100)
                for i in range(length)
            ]
    return {"nums": nums}
