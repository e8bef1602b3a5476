def lowest_common_ancestor(root: TreeNode | None, p: int, q: int) -> int:
    """Return the value of the deepest node whose subtree contains both p and q."""
    raise NotImplementedError
