def rob(nums: list[int]) -> int:
    """Return the largest total of nums[i] over a set of indices with no two adjacent."""
    raise NotImplementedError
