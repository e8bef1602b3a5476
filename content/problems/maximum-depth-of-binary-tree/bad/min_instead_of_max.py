def max_depth(root: TreeNode | None) -> int:
    if root is None:
        return 0
    return 1 + min(max_depth(root.left), max_depth(root.right))
