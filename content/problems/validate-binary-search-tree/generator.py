"""Valid binary search trees with a long zigzag path, as level-order lists."""

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
    """A random shape whose first n // 2 nodes form a path, filled with distinct values in
    in-order sequence, so the tree is a valid BST that is at least n // 2 levels deep."""
    left, right = random_shape(n, rng, n // 2)
    keys = sorted(rng.sample(range(-2**31, 2**31), n))
    values = [0] * n
    stack, node, position = [], 0, 0
    while stack or node is not None:  # iterative in-order walk hands out the sorted keys
        while node is not None:
            stack.append(node)
            node = left[node]
        node = stack.pop()
        values[node] = keys[position]
        position += 1
        node = right[node]
    return {"root": level_order(values, left, right)}
