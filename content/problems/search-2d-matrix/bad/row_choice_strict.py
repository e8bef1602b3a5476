def search_matrix(matrix: list[list[int]], target: int) -> bool:
    if not matrix or not matrix[0]:
        return False
    top, bottom = 0, len(matrix) - 1
    while top < bottom:  # the last row whose first value is below the target
        mid = (top + bottom + 1) // 2
        if matrix[mid][0] < target:
            top = mid
        else:
            bottom = mid - 1
    row = matrix[top]
    lo, hi = 0, len(row) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if row[mid] == target:
            return True
        if row[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return False
