def unique_paths(m: int, n: int) -> int:
    # paths[j]: paths reaching column j of the current row. A cell is reached from above (the
    # old paths[j]) or from the left (the new paths[j - 1]); the first row and column have 1.
    paths = [1] * n
    for _ in range(m - 1):
        for j in range(1, n):
            paths[j] += paths[j - 1]
    return paths[-1]
