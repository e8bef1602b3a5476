def invert_tree(root: TreeNode | None) -> TreeNode | None:
    """Swap the left and right children of every node; return the root."""
    raise NotImplementedError
