def generate(n, rng):
    """k values (k between 1 and 20) occur 10 + i times each for distinct i, so their counts
    are all different and above every other value's; the rest of the n numbers are values
    that occur 1 to 4 times each. Distinct values: roughly 2n / 5. Order is shuffled."""
    k = rng.randint(1, 20)
    top_counts = [10 + i for i in rng.sample(range(3 * k), k)]
    counts = list(top_counts)
    remaining = n - sum(top_counts)
    while remaining > 0:
        c = min(rng.randint(1, 4), remaining)
        counts.append(c)
        remaining -= c
    values = rng.sample(range(-10**9, 10**9), len(counts))
    nums = [value for value, c in zip(values, counts) for _ in range(c)]
    rng.shuffle(nums)
    return {"nums": nums, "k": k}
