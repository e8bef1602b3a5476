def generate(n, rng):
    """A run of n // 2 consecutive values, n // 4 repeats of values from it, and n // 4 random
    values from the whole range, shuffled together. The long run is the worst case for solutions
    that count a run from every one of its values."""
    run_length = n // 2
    start = rng.randint(-(10**9), 10**9 - run_length)
    nums = list(range(start, start + run_length))
    nums += [rng.randrange(start, start + run_length) for _ in range(n // 4)]
    nums += [rng.randint(-(10**9), 10**9) for _ in range(n - len(nums))]
    rng.shuffle(nums)
    return {"nums": nums}
