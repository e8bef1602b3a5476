def diameter_of_binary_tree(root: TreeNode | None) -> int:
    """Return the number of edges on the longest path between any two nodes."""
    raise NotImplementedError
