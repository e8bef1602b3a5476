from math import isqrt


def generate(n, rng):
    """A side x side grid, side = isqrt(n). The top half is a corridor of fresh oranges that
    winds left and right (full even rows, joined by one cell at alternating ends of the odd rows)
    starting at a rotten orange in the corner, so the rot needs about side^2 / 4 minutes to reach
    its end. An empty row separates it from the bottom half: fresh oranges with about 1% rotten
    ones. When side is odd, the joint into the corridor's last row is removed, so that row never
    rots and the answer is -1."""
    side = max(2, isqrt(n))
    half = side // 2
    grid = []
    joints = []
    for r in range(half):
        if r % 2 == 0:
            grid.append([1] * side)
        else:
            row = [0] * side
            at = side - 1 if (r // 2) % 2 == 0 else 0
            row[at] = 1
            joints.append((r, at))
            grid.append(row)
    grid[0][0] = 2
    if side % 2 == 1 and len(joints) >= 2:
        # remove the joint just above the corridor's last full row
        r, c = joints[-1] if half % 2 == 1 else joints[-2]
        grid[r][c] = 0
    grid.append([0] * side)
    while len(grid) < side:
        grid.append([2 if rng.random() < 0.01 else 1 for _ in range(side)])
    grid[-1][rng.randrange(side)] = 2
    return {"grid": grid}
