def shortest_path_binary_matrix(grid: list[list[int]]) -> int:
    """Return the number of cells on the shortest path of 0-cells from the top-left to the
    bottom-right corner, moving in any of the 8 directions, or -1 if there is none."""
    raise NotImplementedError
