def invert_tree(root: TreeNode | None) -> TreeNode | None:
    if root is None:
        return None
    root.left = invert_tree(root.right)
    root.right = invert_tree(root.left)
    return root
