SHAPES = {0: "random", 1: "ascending", 2: "descending", 3: "all equal", 4: "few distinct"}


def generate(n, rng):
    """n integers in -10^9..10^9; the last digit of n picks their shape (see SHAPES).

    Perf cases name the shape through n (100000 random, 100001 ascending, ...); the complexity
    fit uses round sizes (1000, 2000, ...), which all end in 0 and so are random.
    """
    shape = SHAPES.get(n % 10, "random")
    if shape == "all equal":
        return {"nums": [rng.randint(-(10**9), 10**9)] * n}
    if shape == "few distinct":
        values = [rng.randint(-(10**9), 10**9) for _ in range(5)]
        return {"nums": [rng.choice(values) for _ in range(n)]}
    nums = [rng.randint(-(10**9), 10**9) for _ in range(n)]
    if shape == "ascending":
        nums.sort()
    elif shape == "descending":
        nums.sort(reverse=True)
    return {"nums": nums}
