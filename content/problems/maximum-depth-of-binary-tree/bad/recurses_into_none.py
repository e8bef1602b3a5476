def max_depth(root: TreeNode | None) -> int:
    if root.left is None and root.right is None:
        return 1
    return 1 + max(max_depth(root.left), max_depth(root.right))
