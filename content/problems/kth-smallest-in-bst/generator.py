"""Deep binary search trees, as level-order lists, with k pointing at the deepest path node."""

from prep.judge.generation import level_order, random_shape


def generate(n, rng):
    """A random BST shape whose first n // 2 nodes form a path, with distinct values handed out
    in in-order sequence; k is the rank of the node at the bottom of the path."""
    spine = n // 2
    left, right = random_shape(n, rng, spine)
    keys = sorted(rng.sample(range(-2**31, 2**31), n))
    values = [0] * n
    rank = [0] * n
    stack, node, position = [], 0, 0
    while stack or node is not None:  # iterative in-order walk hands out the sorted keys
        while node is not None:
            stack.append(node)
            node = left[node]
        node = stack.pop()
        values[node] = keys[position]
        position += 1
        rank[node] = position
        node = right[node]
    return {"root": level_order(values, left, right), "k": rank[max(spine - 1, 0)]}
