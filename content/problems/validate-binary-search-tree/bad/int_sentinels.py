def is_valid_bst(root: TreeNode | None) -> bool:
    def within(node: TreeNode | None, low: int, high: int) -> bool:
        if node is None:
            return True
        if node.val <= low or node.val >= high:
            return False
        return within(node.left, low, node.val) and within(node.right, node.val, high)

    return within(root, -(2**31), 2**31 - 1)
