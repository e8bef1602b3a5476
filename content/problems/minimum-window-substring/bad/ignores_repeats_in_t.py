def min_window(s: str, t: str) -> str:
    needed = set(t)
    counts = {}
    have = 0
    best = ""
    left = 0
    for right, char in enumerate(s):
        counts[char] = counts.get(char, 0) + 1
        if char in needed and counts[char] == 1:
            have += 1
        while have == len(needed):
            if best == "" or right - left + 1 < len(best):
                best = s[left : right + 1]
            counts[s[left]] -= 1
            if s[left] in needed and counts[s[left]] == 0:
                have -= 1
            left += 1
    return best
