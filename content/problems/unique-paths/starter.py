def unique_paths(m: int, n: int) -> int:
    """Return the number of right/down paths from the top-left to the bottom-right of an m x n grid."""
    raise NotImplementedError
