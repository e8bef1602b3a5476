def min_eating_speed(piles: list[int], h: int) -> int:
    """Return the smallest whole speed (bananas per hour) that eats every pile within h hours."""
    raise NotImplementedError
