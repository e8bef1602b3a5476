def min_distance(word1: str, word2: str) -> int:
    # Row i of the table holds the edits turning word1[:i] into every prefix of word2. Each row
    # only needs the one before it. Row 0 is j inserts: the empty prefix becomes word2[:j].
    previous = list(range(len(word2) + 1))
    for i, char1 in enumerate(word1, start=1):
        current = [i]  # i deletes turn word1[:i] into the empty word
        left = i  # current[-1]
        # diagonal: previous[j] (both prefixes one letter shorter); above: previous[j + 1]
        for char2, diagonal, above in zip(word2, previous, previous[1:]):
            if char1 == char2:
                left = diagonal  # keep the letter, no edit
            else:
                # replace char1 with char2 / delete char1 / insert char2
                left = 1 + min(diagonal, above, left)
            current.append(left)
        previous = current
    return previous[-1]
