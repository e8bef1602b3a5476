def ladder_length(begin_word: str, end_word: str, word_list: list[str]) -> int:
    """Return the number of words in the shortest sequence from begin_word to end_word that
    changes one letter at a time through words of word_list, or 0 if there is none."""
    raise NotImplementedError
