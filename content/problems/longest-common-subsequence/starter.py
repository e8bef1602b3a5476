def longest_common_subsequence(text1: str, text2: str) -> int:
    """Return the length of the longest subsequence that text1 and text2 have in common."""
    raise NotImplementedError
