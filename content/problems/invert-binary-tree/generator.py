"""Random binary trees with a long zigzag path, as level-order lists."""

from prep.judge.generation import level_order, random_shape


def generate(n, rng):
    """n nodes; the first min(n, 5000) form a path, the rest hang off at random."""
    left, right = random_shape(n, rng, min(n, 5000))
    values = [rng.randint(-1000, 1000) for _ in range(n)]
    return {"root": level_order(values, left, right)}
