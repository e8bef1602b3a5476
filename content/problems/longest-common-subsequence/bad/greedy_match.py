def longest_common_subsequence(text1: str, text2: str) -> int:
    count = 0
    position = 0
    for char in text1:
        found = text2.find(char, position)
        if found != -1:
            count += 1
            position = found + 1
    return count
