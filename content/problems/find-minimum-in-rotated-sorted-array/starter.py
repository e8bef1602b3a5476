def find_min(nums: list[int]) -> int:
    """Return the smallest value of the rotated sorted list nums."""
    raise NotImplementedError
