def generate(n, rng):
    """n courses in a random order; each needs the previous one (a chain of length n) and about
    two random earlier ones, so the chain fixes the whole order. Odd n adds one pair that closes a
    cycle between the last two courses of the chain, so the answer is [] and that is only found at
    the very end."""
    order = list(range(n))
    rng.shuffle(order)
    pairs = [[order[i], order[i - 1]] for i in range(1, n)]
    for _ in range(2 * n):
        i, j = rng.randrange(n), rng.randrange(n)
        if i != j:
            lo, hi = min(i, j), max(i, j)
            pairs.append([order[hi], order[lo]])
    if n % 2 == 1 and n >= 2:
        pairs.append([order[-2], order[-1]])
    rng.shuffle(pairs)
    return {"num_courses": n, "prerequisites": pairs}
