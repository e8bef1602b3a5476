def diameter_of_binary_tree(root: TreeNode | None) -> int:
    def height(node: TreeNode | None) -> int:
        if node is None:
            return 0
        return 1 + max(height(node.left), height(node.right))

    if root is None:
        return 0
    return height(root.left) + height(root.right)
