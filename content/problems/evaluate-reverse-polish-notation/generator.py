LIMIT = 2**31 - 1


def _apply(op, a, b):
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    quotient = abs(a) // abs(b)
    return -quotient if (a < 0) != (b < 0) else quotient


def generate(n, rng):
    """About n tokens: three quarters of the numbers (from -200 to 200) first, then the other
    numbers and all operators mixed. The deep stack makes any approach that rescans the token
    list for the next operator quadratic. Operators are chosen so that no intermediate result
    leaves the 32-bit range and no division is by zero."""
    numbers = max(1, n // 2 + 1)
    upfront = max(1, 3 * numbers // 4)
    tokens, stack = [], []

    def push():
        value = rng.randint(-200, 200)
        tokens.append(str(value))
        stack.append(value)

    for _ in range(upfront):
        push()
    pushed = upfront
    while pushed < numbers or len(stack) > 1:
        if pushed < numbers and (len(stack) < 2 or rng.random() < 0.5):
            push()
            pushed += 1
            continue
        b, a = stack.pop(), stack.pop()
        ops = [op for op in "+-*" if abs(_apply(op, a, b)) <= LIMIT]
        if b != 0:
            ops.append("/")
        op = rng.choice(ops)
        tokens.append(op)
        stack.append(_apply(op, a, b))
    return {"tokens": tokens}
