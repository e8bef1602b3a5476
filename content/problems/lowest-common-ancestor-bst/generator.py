"""Deep binary search trees and two values in them, as level-order lists."""

from prep.judge.generation import level_order, random_shape


def generate(n, rng):
    """A random BST shape whose first n // 2 nodes form a path, with distinct values handed out
    in in-order sequence; p is the value at the bottom of the path, q a random node's value."""
    spine = n // 2
    left, right = random_shape(n, rng, spine)
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
    p = values[max(spine - 1, 0)]
    q = values[rng.randrange(n)]
    return {"root": level_order(values, left, right), "p": p, "q": q}
