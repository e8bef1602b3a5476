from math import isqrt


def generate(n, rng):
    """A side x side grid with side = isqrt(n): the top half is solid land (one island that makes
    a recursive DFS go very deep), the bottom half is random land at density 0.5 (many islands of
    all shapes, some of them attached to the big one)."""
    side = max(1, isqrt(n))
    grid = []
    for r in range(side):
        if r < side // 2:
            grid.append(["1"] * side)
        else:
            grid.append(["1" if rng.random() < 0.5 else "0" for _ in range(side)])
    return {"grid": grid}
