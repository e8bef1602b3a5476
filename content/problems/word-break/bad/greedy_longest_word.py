def word_break(s: str, word_dict: list[str]) -> bool:
    words = set(word_dict)
    start = 0
    while start < len(s):
        for end in range(len(s), start, -1):
            if s[start:end] in words:
                start = end
                break
        else:
            return False
    return True
