"""Valid binary search trees with a long zigzag path, as level-order lists."""

from prep.judge.generation import level_order, random_shape


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
