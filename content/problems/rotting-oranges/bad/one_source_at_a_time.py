from collections import deque


def oranges_rotting(grid: list[list[int]]) -> int:
    rows, cols = len(grid), len(grid[0])
    sources = [(r, c) for r in range(rows) for c in range(cols) if grid[r][c] == 2]
    rot_time = {}
    for start in sources:
        queue = deque([(start, 0)])
        while queue:
            (r, c), t = queue.popleft()
            for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == 1:
                    grid[nr][nc] = 2
                    rot_time[(nr, nc)] = t + 1
                    queue.append(((nr, nc), t + 1))
    if any(1 in row for row in grid):
        return -1
    return max(rot_time.values(), default=0)
