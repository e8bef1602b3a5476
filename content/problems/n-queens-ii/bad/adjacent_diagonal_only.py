def total_n_queens(n: int) -> int:
    queens = []  # queens[row] = column

    def safe(col: int) -> bool:
        if col in queens:
            return False
        # only looks at the row just above for a diagonal attack
        return not queens or abs(queens[-1] - col) != 1

    def place() -> int:
        if len(queens) == n:
            return 1
        count = 0
        for col in range(n):
            if safe(col):
                queens.append(col)
                count += place()
                queens.pop()
        return count

    return place()
