def generate(n, rng):
    """A few "planted" multiples of 4 (zeros and small values, some repeated) among n distinct
    background values that are all 1 mod 4.

    Three background values sum to 3 mod 4, and mixing one or two of them with multiples of 4
    gives 1 or 2 mod 4, so only the planted values can form triplets: the answer stays small
    while every pairing still has to be considered. Background values have both signs, so no
    early exit on sign skips the work.
    """
    planted_count = min(n, 24)
    planted = [0, 0, 0] + [4 * rng.randint(-60, 60) for _ in range(planted_count - 3)]
    planted = planted[:planted_count]
    background = rng.sample(range(-99_999, 100_000, 4), n - planted_count)
    nums = planted + background
    rng.shuffle(nums)
    return {"nums": nums}
