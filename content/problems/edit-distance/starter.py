def min_distance(word1: str, word2: str) -> int:
    """Return the fewest single-character inserts, deletes and replaces turning word1 into word2."""
    raise NotImplementedError
