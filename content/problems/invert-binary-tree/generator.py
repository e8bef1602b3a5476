"""Random binary trees with a long zigzag path, as level-order lists."""

from collections import deque


def random_shape(n, rng, spine):
    """Child indices (left, right) of a random binary tree of n nodes, node 0 the root.

    Nodes 0..spine-1 form a path that turns left or right at random, so the tree is at least
    `spine` deep; every other node hangs from a uniformly random free child slot.
    """
    left, right = [None] * n, [None] * n
    free = [] if spine > 1 else [(left, 0), (right, 0)]
    for i in range(1, n):
        if i < spine:
            side, other = (left, right) if rng.random() < 0.5 else (right, left)
            side[i - 1] = i
            free.append((other, i - 1))
        else:
            j = rng.randrange(len(free))
            free[j], free[-1] = free[-1], free[j]
            side, parent = free.pop()
            side[parent] = i
        if i + 1 >= spine:
            free += [(left, i), (right, i)]
    return left, right


def level_order(values, left, right):
    """LeetCode's level-order list with None holes, trailing Nones dropped."""
    out = []
    queue = deque([0] if values else [])
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
    return out


def generate(n, rng):
    """n nodes; the first min(n, 5000) form a path, the rest hang off at random."""
    left, right = random_shape(n, rng, min(n, 5000))
    values = [rng.randint(-1000, 1000) for _ in range(n)]
    return {"root": level_order(values, left, right)}
