def subsets(nums: list[int]) -> list[list[int]]:
    """Return every subset of nums (distinct values), each exactly once, in any order."""
    raise NotImplementedError
