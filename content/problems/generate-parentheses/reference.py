def generate_parenthesis(n: int) -> list[str]:
    result: list[str] = []
    chars: list[str] = []

    def extend(opened: int, closed: int) -> None:
        if closed == n:
            result.append("".join(chars))
            return
        if opened < n:  # an opening bracket is allowed while some are left
            chars.append("(")
            extend(opened + 1, closed)
            chars.pop()
        if closed < opened:  # a closing bracket needs an open one to match
            chars.append(")")
            extend(opened, closed + 1)
            chars.pop()

    extend(0, 0)
    return result
