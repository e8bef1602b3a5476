def kth_smallest(root: TreeNode | None, k: int) -> int:
    # Iterative in-order walk: values come out in increasing order; stop at the k-th.
    stack: list[TreeNode] = []
    node = root
    while stack or node is not None:
        while node is not None:
            stack.append(node)
            node = node.left
        node = stack.pop()
        k -= 1
        if k == 0:
            return node.val
        node = node.right
    raise ValueError("k is larger than the number of nodes")
