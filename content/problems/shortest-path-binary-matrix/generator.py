from math import isqrt


def generate(n, rng):
    """A side x side grid, side = isqrt(n). Even side: random, each cell blocked with
    probability 0.3 (the open cells stay well connected, so a BFS explores almost everything).
    Odd side: a maze whose odd rows are walls with a single gap at alternating ends, so the
    only path winds through every open row and is about side^2 / 2 cells long. The corners are
    always open; in random grids so are their 3 x 3 neighbourhoods, so the start is never walled
    in and a search really has to cross the grid."""
    side = max(2, isqrt(n))
    if side % 2 == 0:
        grid = [[1 if rng.random() < 0.3 else 0 for _ in range(side)] for _ in range(side)]
        for r in range(min(3, side)):
            for c in range(min(3, side)):
                grid[r][c] = grid[side - 1 - r][side - 1 - c] = 0
    else:
        grid = []
        for r in range(side):
            if r % 2 == 0:
                grid.append([0] * side)
            else:
                row = [1] * side
                row[side - 1 if (r // 2) % 2 == 0 else 0] = 0
                grid.append(row)
    grid[0][0] = grid[-1][-1] = 0
    return {"grid": grid}
