def shortest_path_binary_matrix(grid: list[list[int]]) -> int:
    n = len(grid)
    if grid[0][0] == 1 or grid[n - 1][n - 1] == 1:
        return -1
    best = float("inf")
    on_path = {(0, 0)}

    def dfs(r: int, c: int, length: int) -> None:
        nonlocal best
        if (r, c) == (n - 1, n - 1):
            best = min(best, length)
            return
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                nr, nc = r + dr, c + dc
                if 0 <= nr < n and 0 <= nc < n and grid[nr][nc] == 0 and (nr, nc) not in on_path:
                    on_path.add((nr, nc))
                    dfs(nr, nc, length + 1)
                    on_path.remove((nr, nc))

    dfs(0, 0, 1)
    return best if best != float("inf") else -1
