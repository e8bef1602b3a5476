def search_matrix(matrix: list[list[int]], target: int) -> bool:
    """Return whether target occurs in matrix (rows read in order form an increasing sequence)."""
    raise NotImplementedError
