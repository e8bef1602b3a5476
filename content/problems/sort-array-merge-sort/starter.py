def merge_sort(nums: list[int]) -> list[int]:
    """Return the values of nums in ascending order, sorted with merge sort."""
    raise NotImplementedError
