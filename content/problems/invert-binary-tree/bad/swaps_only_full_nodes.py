from collections import deque


def invert_tree(root: TreeNode | None) -> TreeNode | None:
    queue = deque([root] if root else [])
    while queue:
        node = queue.popleft()
        if node.left and node.right:
            node.left, node.right = node.right, node.left
            queue.append(node.left)
            queue.append(node.right)
        elif node.left:
            queue.append(node.left)
        elif node.right:
            queue.append(node.right)
    return root
