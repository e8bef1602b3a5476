def num_islands(grid: list[list[str]]) -> int:
    """Return how many islands of "1" cells (joined up, down, left or right) the grid holds."""
    raise NotImplementedError
