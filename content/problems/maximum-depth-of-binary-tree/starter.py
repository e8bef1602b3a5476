def max_depth(root: TreeNode | None) -> int:
    """Return the number of nodes on the longest root-to-leaf path (0 for an empty tree)."""
    raise NotImplementedError
