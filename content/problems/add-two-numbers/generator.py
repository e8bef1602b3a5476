def generate(n, rng):
    """Two random numbers of about n digits (least significant first, top digit non-zero);
    the second is up to a tenth shorter, so one list runs out before the other."""

    def number(length):
        return [rng.randrange(10) for _ in range(length - 1)] + [rng.randint(1, 9)]

    return {"l1": number(n), "l2": number(n - rng.randint(0, n // 10))}
