def kth_smallest(root: TreeNode | None, k: int) -> int:
    values = []

    def walk(node: TreeNode | None) -> None:
        if node:
            walk(node.left)
            values.append(node.val)
            walk(node.right)

    walk(root)
    return values[k]
