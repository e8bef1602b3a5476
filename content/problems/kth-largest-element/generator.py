def generate(n, rng):
    """n numbers drawn from 3 spread-out values, sorted ascending, with k = n // 2 + 1.

    Sorted input defeats a quickselect that always pivots on an end element, and tens of
    thousands of copies of each value defeat a two-way partition that puts every copy of the
    pivot on one side; k near the middle makes removing the maximum k times quadratic.
    """
    values = [rng.randrange(-10**9, 10**9) for _ in range(3)]
    nums = sorted(rng.choice(values) for _ in range(n))
    return {"nums": nums, "k": n // 2 + 1}
