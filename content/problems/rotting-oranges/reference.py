from collections import deque


def oranges_rotting(grid: list[list[int]]) -> int:
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    grid = [row[:] for row in grid]  # do not change the caller's grid
    rotten = deque()
    fresh = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == 2:
                rotten.append((r, c, 0))
            elif grid[r][c] == 1:
                fresh += 1
    minutes = 0
    # All rotten oranges start in the queue together, so each orange is reached first by the
    # nearest one and the queue holds minutes in increasing order.
    while rotten and fresh:
        r, c, minute = rotten.popleft()
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == 1:
                grid[nr][nc] = 2
                fresh -= 1
                minutes = minute + 1
                rotten.append((nr, nc, minute + 1))
    return -1 if fresh else minutes
