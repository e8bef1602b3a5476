def three_sum(nums: list[int]) -> list[list[int]]:
    """Return each distinct triplet of values from three different positions that sums to 0."""
    raise NotImplementedError
