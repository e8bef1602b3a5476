from itertools import product


def generate_parenthesis(n: int) -> list[str]:
    def balanced(s: str) -> bool:
        depth = 0
        for char in s:
            depth += 1 if char == "(" else -1
            if depth < 0:
                return False
        return depth == 0

    return [s for s in map("".join, product("()", repeat=2 * n)) if balanced(s)]
