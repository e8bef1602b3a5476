import math


def is_valid_bst(root: TreeNode | None) -> bool:
    def within(node: TreeNode | None, low: float, high: float) -> bool:
        # Every value in this subtree must lie strictly between low and high.
        if node is None:
            return True
        if not low < node.val < high:
            return False
        return within(node.left, low, node.val) and within(node.right, node.val, high)

    return within(root, -math.inf, math.inf)
