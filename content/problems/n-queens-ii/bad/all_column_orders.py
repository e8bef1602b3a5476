from itertools import permutations


def total_n_queens(n: int) -> int:
    # queens[row] is the column of the queen in that row; check the diagonals at the end
    count = 0
    for queens in permutations(range(n)):
        if len({row - col for row, col in enumerate(queens)}) == n and len(
            {row + col for row, col in enumerate(queens)}
        ) == n:
            count += 1
    return count
