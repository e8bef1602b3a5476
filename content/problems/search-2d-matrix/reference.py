def search_matrix(matrix: list[list[int]], target: int) -> bool:
    if not matrix or not matrix[0]:
        return False
    cols = len(matrix[0])
    # Read row by row the cells are one sorted list of rows * cols values: cell i is at
    # matrix[i // cols][i % cols], so binary search the index i.
    lo, hi = 0, len(matrix) * cols - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        row, col = divmod(mid, cols)
        value = matrix[row][col]
        if value == target:
            return True
        if value < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return False
