def level_order(root: TreeNode | None) -> list[list[int]]:
    def height(node: TreeNode | None) -> int:
        if node is None:
            return 0
        return 1 + max(height(node.left), height(node.right))

    def collect(node: TreeNode | None, depth: int, out: list[int]) -> None:
        if node is None:
            return
        if depth == 0:
            out.append(node.val)
            return
        collect(node.left, depth - 1, out)
        collect(node.right, depth - 1, out)

    levels = []
    for depth in range(height(root)):
        level: list[int] = []
        collect(root, depth, level)
        levels.append(level)
    return levels
