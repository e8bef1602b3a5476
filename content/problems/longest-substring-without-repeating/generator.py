def generate(n, rng):
    """Fresh random orderings of an alphabet of n // 25 distinct characters (CJK ideographs, so
    the alphabet is not limited to ASCII), back to back, cut to length n.

    Every window as long as the alphabet is nearly repeat-free, so a solution that restarts its
    scan at every position does about n * n / 25 steps.
    """
    alphabet = [chr(0x4E00 + i) for i in range(max(1, n // 25))]
    parts = []
    length = 0
    while length < n:
        rng.shuffle(alphabet)
        parts.append("".join(alphabet))
        length += len(alphabet)
    return {"s": "".join(parts)[:n]}
