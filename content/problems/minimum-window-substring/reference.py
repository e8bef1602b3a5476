from collections import Counter


def min_window(s: str, t: str) -> str:
    need = Counter(t)  # how many more of each character the window still needs (may go negative)
    missing = len(t)  # characters of t not yet covered by the window, counted with repeats
    best_start, best_len = 0, len(s) + 1
    left = 0
    for right, char in enumerate(s):
        if need[char] > 0:
            missing -= 1
        need[char] -= 1
        # The window s[left:right + 1] covers t: shrink it from the left while it still does.
        while missing == 0:
            if right - left + 1 < best_len:  # strictly shorter, so ties keep the leftmost window
                best_start, best_len = left, right - left + 1
            need[s[left]] += 1
            if need[s[left]] > 0:
                missing += 1
            left += 1
    return s[best_start : best_start + best_len] if best_len <= len(s) else ""
