def coin_change(coins: list[int], amount: int) -> int:
    """Return the fewest coins summing to amount (unlimited supply of each), or -1."""
    raise NotImplementedError
