from math import comb


def unique_paths(m: int, n: int) -> int:
    # choose which of the moves go down
    return comb(m + n, m)
