def climb_stairs(n: int) -> int:
    # ways(k) = ways(k - 1) + ways(k - 2): the last move was either a 1-step or a 2-step.
    previous, current = 1, 1  # ways(0), ways(1)
    for _ in range(n - 1):
        previous, current = current, previous + current
    return current
