def kth_smallest(root: TreeNode | None, k: int) -> int:
    """Return the k-th smallest value in the BST (k = 1 is the minimum)."""
    raise NotImplementedError
