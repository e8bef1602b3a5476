def kth_smallest(root: TreeNode | None, k: int) -> int:
    values = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node:
            values.append(node.val)
            stack.append(node.right)
            stack.append(node.left)
    return values[k - 1]
