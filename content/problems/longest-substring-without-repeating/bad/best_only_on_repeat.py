def length_of_longest_substring(s: str) -> int:
    last = {}
    left = 0
    best = 0
    for right, char in enumerate(s):
        if char in last and last[char] >= left:
            best = max(best, right - left)
            left = last[char] + 1
        last[char] = right
    return best
