def word_break(s: str, word_dict: list[str]) -> bool:
    words = set(word_dict)
    lengths = sorted({len(word) for word in words})
    # splits[i]: s[:i] can be split into words. s[:i] splits if some word ends it and what
    # comes before that word splits too.
    splits = [True] + [False] * len(s)
    for end in range(1, len(s) + 1):
        splits[end] = any(
            splits[end - size] and s[end - size : end] in words
            for size in lengths
            if size <= end
        )
    return splits[-1]
