class MedianFinder:
    """Reports the median of a growing collection of integers."""

    def __init__(self):
        raise NotImplementedError

    def add_num(self, num: int) -> None:
        """Add num to the collection."""
        raise NotImplementedError

    def find_median(self) -> float:
        """Return the median of every number added so far."""
        raise NotImplementedError
