def level_order(root: TreeNode | None) -> list[list[int]]:
    """Return the values of each level, top to bottom, each level left to right."""
    raise NotImplementedError
