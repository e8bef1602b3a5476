def permute(nums: list[int]) -> list[list[int]]:
    """Return every ordering of nums (distinct values), each exactly once, in any order."""
    raise NotImplementedError
