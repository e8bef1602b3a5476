def max_area(height: list[int]) -> int:
    """Return the most water two of the vertical lines can hold together with the x-axis."""
    raise NotImplementedError
