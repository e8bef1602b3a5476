def generate(n, rng):
    """n - 2 distinct multiples of 4, then two numbers that are 1 mod 4 at the very end.

    Two multiples of 4 sum to 0 mod 4 and a multiple of 4 plus a 1-mod-4 number is odd, so the
    two last numbers (summing to 2 mod 4) are the only pair that reaches the target.
    """
    nums = rng.sample(range(0, 40 * n, 4), n - 2)
    a, b = 4 * rng.randrange(n) + 1, 4 * rng.randrange(n) + 1
    return {"nums": nums + [a, b], "target": a + b}
