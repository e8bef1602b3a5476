def oranges_rotting(grid: list[list[int]]) -> int:
    """Return the minutes until no fresh orange (1) is left, or -1 if some never rot.

    0 is an empty cell and 2 a rotten orange; each minute, rot spreads from every rotten
    orange to the fresh oranges directly above, below, left and right of it.
    """
    raise NotImplementedError
