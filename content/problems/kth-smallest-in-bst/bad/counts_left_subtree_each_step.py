def kth_smallest(root: TreeNode | None, k: int) -> int:
    def count(node: TreeNode | None) -> int:
        if node is None:
            return 0
        return 1 + count(node.left) + count(node.right)

    node = root
    while node:
        left_size = count(node.left)
        if k <= left_size:
            node = node.left
        elif k == left_size + 1:
            return node.val
        else:
            k -= left_size + 1
            node = node.right
    raise ValueError("k is too large")
