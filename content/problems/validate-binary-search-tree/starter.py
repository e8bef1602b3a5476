def is_valid_bst(root: TreeNode | None) -> bool:
    """Return True if every left subtree holds only smaller values and every right subtree
    only larger ones."""
    raise NotImplementedError
