def longest_common_subsequence(text1: str, text2: str) -> int:
    best = 0
    previous = [0] * (len(text2) + 1)
    for char1 in text1:
        current = [0] * (len(text2) + 1)
        for j, char2 in enumerate(text2):
            if char1 == char2:
                current[j + 1] = previous[j] + 1
                best = max(best, current[j + 1])
        previous = current
    return best
