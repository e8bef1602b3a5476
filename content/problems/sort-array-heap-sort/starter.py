def heap_sort(nums: list[int]) -> list[int]:
    """Return the values of nums in ascending order, sorted with heap sort."""
    raise NotImplementedError
