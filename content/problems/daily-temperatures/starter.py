def daily_temperatures(temperatures: list[int]) -> list[int]:
    """Return, for each day, how many days until a strictly warmer one (0 if there is none)."""
    raise NotImplementedError
