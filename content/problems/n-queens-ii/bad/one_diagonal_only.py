def total_n_queens(n: int) -> int:
    columns = set()
    diagonals = set()

    def place(row: int) -> int:
        if row == n:
            return 1
        count = 0
        for col in range(n):
            if col in columns or row - col in diagonals:
                continue
            columns.add(col)
            diagonals.add(row - col)
            count += place(row + 1)
            columns.remove(col)
            diagonals.remove(row - col)
        return count

    return place(0)
