from collections import deque

STEPS = [(dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc]


def shortest_path_binary_matrix(grid: list[list[int]]) -> int:
    n = len(grid)
    if grid[0][0] or grid[n - 1][n - 1]:
        return -1
    seen = [[False] * n for _ in range(n)]
    seen[0][0] = True
    queue = deque([(0, 0, 1)])  # row, column, cells on the path so far
    while queue:
        r, c, length = queue.popleft()
        if r == n - 1 and c == n - 1:
            return length  # BFS reaches each cell first along a shortest path
        for dr, dc in STEPS:
            nr, nc = r + dr, c + dc
            if 0 <= nr < n and 0 <= nc < n and not grid[nr][nc] and not seen[nr][nc]:
                seen[nr][nc] = True
                queue.append((nr, nc, length + 1))
    return -1
