def generate(n, rng):
    """n shuffled intervals forming clusters that are separated by gaps of 1 to 10.

    Each cluster starts with one interval and gets 0 to 2 more that begin inside it: nested,
    touching its end or reaching past it. About four intervals in seven open a new cluster, so
    the merged answer has roughly 0.57 * n intervals.
    """
    intervals: list[list[int]] = []
    pos = rng.randrange(-1_000_000, 0)
    while len(intervals) < n:
        start, end = pos, pos + rng.randrange(0, 20)
        intervals.append([start, end])
        for _ in range(min(rng.choice((0, 0, 1, 2)), n - len(intervals))):
            s = rng.randint(start, end)
            e = rng.choice((end, s + rng.randrange(0, 30)))
            intervals.append([s, e])
            end = max(end, e)
        pos = end + rng.randint(1, 10)
    rng.shuffle(intervals)
    return {"intervals": intervals}
