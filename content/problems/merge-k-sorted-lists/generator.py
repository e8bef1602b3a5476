def generate(n, rng):
    """n random values spread over n // 20 sorted lists (at least one list), so a merge that
    scans every list's head for each output value does about n^2 / 20 steps."""
    k = max(1, n // 20)
    lists = [[] for _ in range(k)]
    for _ in range(n):
        lists[rng.randrange(k)].append(rng.randint(-10**9, 10**9))
    for values in lists:
        values.sort()
    return {"lists": lists}
