from itertools import accumulate


def generate(n, rng):
    """n distinct ascending numbers (gaps of 1 to 5), rotated.

    The parity of n picks the rotation, so a perf case can ask for either shape:
    even n -> rotated at a random point;
    odd n  -> rotated by one, so the minimum is the last element.
    """
    start = rng.randrange(-(10**6), 10**6)
    ascending = list(accumulate(rng.choices(range(1, 6), k=n - 1), initial=start))
    k = rng.randrange(n) if n % 2 == 0 else 1
    return {"nums": ascending[k:] + ascending[:k]}
