def max_sliding_window(nums: list[int], k: int) -> list[int]:
    """Return the maximum of each window of k consecutive elements, left to right."""
    raise NotImplementedError
