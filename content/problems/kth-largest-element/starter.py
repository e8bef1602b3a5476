def find_kth_largest(nums: list[int], k: int) -> int:
    """Return the k-th largest value in nums (k = 1 is the maximum; duplicates count)."""
    raise NotImplementedError
