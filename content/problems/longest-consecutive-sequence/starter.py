def longest_consecutive(nums: list[int]) -> int:
    """Return the length of the longest run x, x + 1, ... of values all present in nums."""
    raise NotImplementedError
