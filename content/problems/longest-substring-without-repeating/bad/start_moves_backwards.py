def length_of_longest_substring(s: str) -> int:
    last = {}
    left = 0
    best = 0
    for right, char in enumerate(s):
        if char in last:
            left = last[char] + 1
        last[char] = right
        best = max(best, right - left + 1)
    return best
