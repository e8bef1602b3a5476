def is_valid_bst(root: TreeNode | None) -> bool:
    def largest(node: TreeNode | None) -> float:
        if node is None:
            return float("-inf")
        return max(node.val, largest(node.left), largest(node.right))

    def smallest(node: TreeNode | None) -> float:
        if node is None:
            return float("inf")
        return min(node.val, smallest(node.left), smallest(node.right))

    if root is None:
        return True
    if largest(root.left) >= root.val or smallest(root.right) <= root.val:
        return False
    return is_valid_bst(root.left) and is_valid_bst(root.right)
