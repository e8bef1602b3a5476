def search_range(nums: list[int], target: int) -> list[int]:
    """Return [first, last]: the first and last index of target in sorted nums, or [-1, -1]."""
    raise NotImplementedError
