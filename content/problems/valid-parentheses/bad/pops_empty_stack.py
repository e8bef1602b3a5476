def is_valid(s: str) -> bool:
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for char in s:
        if char in pairs:
            if stack.pop() != pairs[char]:
                return False
        else:
            stack.append(char)
    return len(stack) == 0
