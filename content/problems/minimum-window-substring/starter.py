def min_window(s: str, t: str) -> str:
    """Return the leftmost shortest substring of s containing all of t (with repeats), or ""."""
    raise NotImplementedError
