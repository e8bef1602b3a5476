def climb_stairs(n: int) -> int:
    """Return the number of distinct ways to climb n stairs taking 1 or 2 steps at a time."""
    raise NotImplementedError
