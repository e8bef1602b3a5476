from math import factorial


def unique_paths(m: int, n: int) -> int:
    moves = m + n - 2
    return int(factorial(moves) / (factorial(m - 1) * factorial(n - 1)))
