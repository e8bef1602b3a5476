def length_of_longest_substring(s: str) -> int:
    last_seen: dict[str, int] = {}  # character -> index of its latest occurrence
    start = 0  # the window s[start:end + 1] has no repeated character
    best = 0
    for end, char in enumerate(s):
        if last_seen.get(char, -1) >= start:
            start = last_seen[char] + 1
        last_seen[char] = end
        best = max(best, end - start + 1)
    return best
