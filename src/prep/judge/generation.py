"""Helpers for problems' generator.py files (trusted content code run in the judge process):
random binary tree shapes, and the level-order lists problems store trees as."""

from __future__ import annotations

import random
from typing import Any

from prep.judge.structures import TreeNode, from_tree

Children = list[int | None]


def random_shape(n: int, rng: random.Random, spine: int) -> tuple[Children, Children]:
    """Child indices (left, right) of a random binary tree of n nodes, node 0 the root.

    Nodes 0..spine-1 form a path that turns left or right at random, so the tree is at least
    `spine` deep; every other node hangs from a uniformly random free child slot.
    """
    left: Children = [None] * n
    right: Children = [None] * n
    free: list[tuple[Children, int]] = [] if spine > 1 else [(left, 0), (right, 0)]
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


def level_order(values: list[Any], left: Children, right: Children) -> list[Any]:
    """The tree given by child indices as LeetCode's level-order list (None holes, trailing
    Nones dropped): the same format the judge converts trees to and from."""
    nodes = [TreeNode(value) for value in values]
    for node, left_index, right_index in zip(nodes, left, right, strict=True):
        node.left = None if left_index is None else nodes[left_index]
        node.right = None if right_index is None else nodes[right_index]
    return from_tree(nodes[0] if nodes else None)
