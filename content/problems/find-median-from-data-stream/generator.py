def generate(n, rng):
    """n calls: the constructor, one add_num, then add_num (60%) or find_median (40%) at
    random. Values in [-10^9, 10^9], a tenth of them drawn from a small set to create repeats."""
    repeated = [rng.randint(-10**9, 10**9) for _ in range(20)]

    def value():
        return rng.choice(repeated) if rng.random() < 0.1 else rng.randint(-10**9, 10**9)

    ops, args = ["MedianFinder", "add_num"], [[], [value()]]
    for _ in range(n - 2):
        if rng.random() < 0.6:
            ops.append("add_num")
            args.append([value()])
        else:
            ops.append("find_median")
            args.append([])
    return {"ops": ops, "args": args}
