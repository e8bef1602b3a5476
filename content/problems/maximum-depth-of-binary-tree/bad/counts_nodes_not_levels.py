from collections import deque


def max_depth(root: TreeNode | None) -> int:
    if root is None:
        return 0
    depth = 0
    queue = deque([root])
    while queue:
        node = queue.popleft()
        depth += 1
        if node.left:
            queue.append(node.left)
        if node.right:
            queue.append(node.right)
    return depth
