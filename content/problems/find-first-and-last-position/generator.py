def generate(n, rng):
    """n sorted values in runs of 1 to 8 copies, with one long run of the target in the middle.

    Every run value is even. The parity of n picks the target, so a perf case can ask for
    either shape:
    even n -> the target fills a run of n / 4 to n / 2 positions around the middle;
    odd n  -> the target is an odd number between two runs (absent).
    """
    long_run = rng.randint(n // 4, n // 2) if n % 2 == 0 else 0
    before = rng.randint(0, n - long_run)
    value = rng.randrange(-1000, 1000) * 2
    nums: list[int] = []
    target = None
    while len(nums) < before:
        nums += [value] * min(rng.randint(1, 8), before - len(nums))
        value += rng.choice((2, 4))
    if long_run:
        target = value
        nums += [value] * long_run
        value += rng.choice((2, 4))
    else:
        target = value - 1  # odd, so absent; above the last run written so far
    while len(nums) < n:
        nums += [value] * min(rng.randint(1, 8), n - len(nums))
        value += rng.choice((2, 4))
    return {"nums": nums, "target": target}
