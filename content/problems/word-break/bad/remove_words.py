def word_break(s: str, word_dict: list[str]) -> bool:
    for word in sorted(word_dict, key=len, reverse=True):
        s = s.replace(word, "")
    return s == ""
