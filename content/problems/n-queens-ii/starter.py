def total_n_queens(n: int) -> int:
    """Return how many ways n queens can be placed on an n x n board with none attacking another."""
    raise NotImplementedError
