import math


def climb_stairs(n: int) -> int:
    # ways(n) is the Fibonacci number F(n + 1)
    sqrt5 = math.sqrt(5)
    phi = (1 + sqrt5) / 2
    psi = (1 - sqrt5) / 2
    return round((phi ** (n + 1) - psi ** (n + 1)) / sqrt5)
