def merge_k_lists(lists: list[list[int]]) -> list[int]:
    """Return one sorted list holding every value of the k sorted input lists."""
    raise NotImplementedError
