def is_valid(s: str) -> bool:
    counts = {"(": 0, "[": 0, "{": 0}
    closes = {")": "(", "]": "[", "}": "{"}
    for char in s:
        if char in closes:
            counts[closes[char]] -= 1
            if counts[closes[char]] < 0:
                return False
        else:
            counts[char] += 1
    return all(count == 0 for count in counts.values())
