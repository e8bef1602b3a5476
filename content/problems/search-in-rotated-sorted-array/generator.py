from itertools import accumulate


def generate(n, rng):
    """n distinct even numbers in ascending order (gaps of 2, 4 or 6), rotated at a random point.

    The parity of n picks the target, so a perf case can ask for either shape:
    even n -> an element at a random position (present);
    odd n  -> an odd number between two elements (absent).
    """
    start = rng.randrange(-1000, 1000) * 2
    ascending = list(accumulate(rng.choices((2, 4, 6), k=n - 1), initial=start))
    k = rng.randrange(n)
    nums = ascending[k:] + ascending[:k]
    i = rng.randrange(n)
    target = ascending[i] if n % 2 == 0 else ascending[i] + 1
    return {"nums": nums, "target": target}
