def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    """Return every distinct multiset of candidates (reuse allowed) summing to target."""
    raise NotImplementedError
