def generate(n, rng):
    """n values: a slowly rising trend plus wide noise, with repeats (values are drawn from a
    range about n wide). The answer is a length, so it is unique; it lands far from both 1
    and n, and repeated values make a non-strict comparison count too many."""
    return {"nums": [i // 4 + rng.randint(-n // 2, n // 2) for i in range(n)]}
