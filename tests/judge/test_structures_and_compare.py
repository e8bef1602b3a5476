"""Data conversions and comparisons, which run in the trusted parent or at the harness boundary."""

from __future__ import annotations

import pytest

from prep.judge.compare import COMPARATORS
from prep.judge.structures import (
    ListNode,
    StructureError,
    TreeNode,
    from_linked_list,
    from_tree,
    to_linked_list,
    to_tree,
)


@pytest.mark.parametrize("values", [[], [1], [1, 2, 3], [0, 0, -1]])
def test_linked_list_round_trip(values: list[int]) -> None:
    assert from_linked_list(to_linked_list(values)) == values


@pytest.mark.parametrize(
    "values", [[], [1], [1, 2, 3], [1, None, 2, 3], [5, 3, 8, 1, None, None, 9]]
)
def test_tree_round_trip_in_level_order(values: list[int | None]) -> None:
    assert from_tree(to_tree(values)) == values


def test_tree_is_built_in_level_order_with_holes() -> None:
    root = to_tree([1, None, 2, 3])
    assert root is not None and root.left is None and root.right is not None
    assert root.right.val == 2 and root.right.left is not None and root.right.left.val == 3


def test_a_cyclic_list_is_an_error_not_a_hang() -> None:
    head = ListNode(1, ListNode(2))
    assert head.next is not None
    head.next.next = head
    with pytest.raises(StructureError, match="cycle"):
        from_linked_list(head)


def test_a_foreign_node_type_is_refused() -> None:
    with pytest.raises(StructureError, match="expected TreeNode"):
        from_tree(ListNode(1))
    assert from_tree(TreeNode(1, None, TreeNode(2))) == [1, None, 2]


@pytest.mark.parametrize(
    "mode,expected,actual,ok",
    [
        ("exact", [0, 1], [0, 1], True),
        ("exact", [0, 1], [1, 0], False),
        ("exact", 1, True, False),  # a bool is not the int 1
        ("exact", 2, 2.0, True),
        ("unordered", [1, 2, 2], [2, 1, 2], True),
        ("unordered", [1, 2, 2], [2, 1, 1], False),
        ("unordered_nested", [[1, 2], [3]], [[3], [2, 1]], True),
        ("unordered_nested", [[1, 2], [3]], [[3], [2, 2]], False),
        ("float", 0.1 + 0.2, 0.3, True),
        ("float", 1.0, 1.001, False),
    ],
)
def test_comparators(mode: str, expected: object, actual: object, ok: bool) -> None:
    assert COMPARATORS[mode](expected, actual) is ok


def test_generator_helpers_build_level_order_lists_the_judge_reads_back() -> None:
    import random

    from prep.judge.generation import level_order, random_shape

    left, right = random_shape(50, random.Random(3), spine=20)
    values = list(range(50))
    tree = level_order(values, left, right)
    assert from_tree(to_tree(tree)) == tree
    assert sorted(v for v in tree if v is not None) == values  # every node appears once
    assert level_order([1, 2, 3], [1, None, None], [None, 2, None]) == [1, 2, None, None, 3]
    assert level_order([], [], []) == []
