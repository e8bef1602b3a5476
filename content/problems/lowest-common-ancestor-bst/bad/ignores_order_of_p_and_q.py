def lowest_common_ancestor(root: TreeNode | None, p: int, q: int) -> int:
    node = root
    while True:
        if node.val > q:
            node = node.left
        elif node.val < p:
            node = node.right
        else:
            return node.val
