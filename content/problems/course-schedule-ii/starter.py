def find_order(num_courses: int, prerequisites: list[list[int]]) -> list[int]:
    """Return an order that takes every course after its prerequisites, or [] if none exists.

    [a, b] in prerequisites means b must be taken before a.
    """
    raise NotImplementedError
