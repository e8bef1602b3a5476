def _divide(a: int, b: int) -> int:
    """a / b truncated toward zero (Python's // rounds toward negative infinity)."""
    quotient = abs(a) // abs(b)
    return -quotient if (a < 0) != (b < 0) else quotient


OPERATIONS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": _divide,
}


def eval_rpn(tokens: list[str]) -> int:
    stack: list[int] = []
    for token in tokens:
        operation = OPERATIONS.get(token)
        if operation is None:
            stack.append(int(token))
        else:
            right = stack.pop()  # the operand pushed last is the right-hand one
            left = stack.pop()
            stack.append(operation(left, right))
    return stack.pop()
