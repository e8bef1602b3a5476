def generate(n, rng):
    """target = n (at most 40) and 30 distinct candidates from 2 to 40, in random order,
    always including 2 and 3 so that many combinations exist."""
    others = rng.sample(range(4, 41), 28)
    candidates = [2, 3] + others
    rng.shuffle(candidates)
    return {"candidates": candidates, "target": n}
