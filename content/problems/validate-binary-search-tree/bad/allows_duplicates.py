def is_valid_bst(root: TreeNode | None) -> bool:
    previous = None
    stack = []
    node = root
    while stack or node:
        while node:
            stack.append(node)
            node = node.left
        node = stack.pop()
        if previous is not None and node.val < previous:
            return False
        previous = node.val
        node = node.right
    return True
