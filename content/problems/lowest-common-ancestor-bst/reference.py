def lowest_common_ancestor(root: TreeNode | None, p: int, q: int) -> int:
    low, high = min(p, q), max(p, q)
    node = root
    while node is not None:
        if high < node.val:
            node = node.left
        elif low > node.val:
            node = node.right
        else:  # low <= node.val <= high: p and q split here (or one of them is this node)
            return node.val
    raise ValueError("p and q must both be values in the tree")
