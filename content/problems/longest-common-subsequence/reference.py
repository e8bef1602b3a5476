def longest_common_subsequence(text1: str, text2: str) -> int:
    # Row i of the table holds the answers for text1[:i] against every prefix of text2; each
    # row only needs the one before it, so two rows of len(text2) + 1 numbers are enough.
    previous = [0] * (len(text2) + 1)
    for char1 in text1:
        current = [0]
        best = 0  # current[-1], the answer for text2 one letter shorter
        # diagonal: previous[j] (both prefixes one letter shorter); above: previous[j + 1]
        for char2, diagonal, above in zip(text2, previous, previous[1:]):
            if char1 == char2:
                best = diagonal + 1
            elif above > best:
                best = above
            current.append(best)
        previous = current
    return previous[-1]
