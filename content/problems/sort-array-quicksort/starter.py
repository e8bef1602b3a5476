def quick_sort(nums: list[int]) -> list[int]:
    """Return the values of nums in ascending order, sorted with quicksort."""
    raise NotImplementedError
