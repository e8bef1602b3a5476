from itertools import accumulate


def generate(n, rng):
    """n sorted distinct even numbers with random gaps of 2, 4 or 6.

    The parity of n picks the target, so a perf case can ask for either shape:
    even n -> the last element (present, at index n - 1);
    odd n  -> one less than the last element (odd, so absent, and inside the last gap).
    """
    start = rng.randrange(-1000, 1000) * 2
    nums = list(accumulate(rng.choices((2, 4, 6), k=n - 1), initial=start))
    target = nums[-1] if n % 2 == 0 else nums[-1] - 1
    return {"nums": nums, "target": target}
