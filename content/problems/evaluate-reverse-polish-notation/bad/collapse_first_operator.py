def eval_rpn(tokens: list[str]) -> int:
    tokens = list(tokens)
    while len(tokens) > 1:
        i = 0
        while tokens[i] not in ("+", "-", "*", "/"):
            i += 1
        a, b = int(tokens[i - 2]), int(tokens[i - 1])
        if tokens[i] == "+":
            value = a + b
        elif tokens[i] == "-":
            value = a - b
        elif tokens[i] == "*":
            value = a * b
        else:
            value = int(a / b)
        tokens[i - 2 : i + 1] = [str(value)]
    return int(tokens[0])
