"""A tree that is both wide and deep, as a level-order list."""

from collections import deque


def generate(n, rng):
    """A complete tree of n // 2 nodes with a zigzag path of the other n - n // 2 nodes hanging
    from its last leaf: the bottom of the complete part is about n / 4 wide, and the whole tree
    is over n / 2 levels deep, so walking the tree once per level is quadratic.
    """
    m = n // 2
    left = [2 * i + 1 if 2 * i + 1 < m else None for i in range(m)] + [None] * (n - m)
    right = [2 * i + 2 if 2 * i + 2 < m else None for i in range(m)] + [None] * (n - m)
    for i in range(m, n):
        side = left if rng.random() < 0.5 else right
        side[i - 1] = i
    values = [rng.randint(-1000, 1000) for _ in range(n)]
    out = []
    queue = deque([0])
    while queue:
        i = queue.popleft()
        if i is None:
            out.append(None)
            continue
        out.append(values[i])
        queue.append(left[i])
        queue.append(right[i])
    while out and out[-1] is None:
        out.pop()
    return {"root": out}
