def word_break(s: str, word_dict: list[str]) -> bool:
    def can_split(start: int) -> bool:
        if start == len(s):
            return True
        for word in word_dict:
            if s.startswith(word, start) and can_split(start + len(word)):
                return True
        return False

    return can_split(0)
