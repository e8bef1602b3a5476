"""ListNode and TreeNode as the candidate sees them, and their conversion to and from plain lists.

Problems store linked lists and trees as plain lists (trees in level order with None holes), so
cases stay readable data; the harness converts at the boundary of the candidate's code.
"""

from __future__ import annotations

from collections import deque
from typing import Any

MAX_NODES = 1_000_000  # a cycle or a runaway structure is cut off, not followed forever


class ListNode:
    def __init__(self, val: int = 0, next: ListNode | None = None) -> None:
        self.val = val
        self.next = next

    def __repr__(self) -> str:
        return f"ListNode({self.val})"


class TreeNode:
    def __init__(
        self, val: int = 0, left: TreeNode | None = None, right: TreeNode | None = None
    ) -> None:
        self.val = val
        self.left = left
        self.right = right

    def __repr__(self) -> str:
        return f"TreeNode({self.val})"


class StructureError(ValueError):
    """A returned structure cannot be turned back into data (a cycle, a wrong node type)."""


def to_linked_list(values: list[Any] | None) -> ListNode | None:
    head: ListNode | None = None
    for value in reversed(values or []):
        head = ListNode(value, head)
    return head


def from_linked_list(head: object) -> list[Any]:
    out = []
    node = head
    while node is not None:
        if type(node) is not ListNode:
            raise StructureError(f"expected ListNode or None, got {type(node).__name__}")
        out.append(node.val)
        if len(out) > MAX_NODES:
            raise StructureError("the returned list does not end (is there a cycle?)")
        node = node.next
    return out


def to_tree(values: list[Any] | None) -> TreeNode | None:
    if not values or values[0] is None:
        return None
    root = TreeNode(values[0])
    queue = deque([root])
    index = 1
    while queue and index < len(values):
        node = queue.popleft()
        for side in ("left", "right"):
            if index < len(values) and values[index] is not None:
                child = TreeNode(values[index])
                setattr(node, side, child)
                queue.append(child)
            index += 1
    return root


def from_tree(root: object) -> list[Any]:
    """Level order with None for missing children, trailing Nones dropped (LeetCode's format)."""
    out: list[Any] = []
    queue: deque[object] = deque([root])
    seen = 0
    while queue:
        node = queue.popleft()
        if node is None:
            out.append(None)
            continue
        if type(node) is not TreeNode:
            raise StructureError(f"expected TreeNode or None, got {type(node).__name__}")
        seen += 1
        if seen > MAX_NODES:
            raise StructureError("the returned tree does not end (is there a cycle?)")
        out.append(node.val)
        queue.append(node.left)
        queue.append(node.right)
    while out and out[-1] is None:
        out.pop()
    return out
