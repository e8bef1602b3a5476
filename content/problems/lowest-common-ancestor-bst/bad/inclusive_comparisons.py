def lowest_common_ancestor(root: TreeNode | None, p: int, q: int) -> int:
    node = root
    while node:
        if p <= node.val and q <= node.val:
            node = node.left
        elif p >= node.val and q >= node.val:
            node = node.right
        else:
            return node.val
