def eval_rpn(tokens: list[str]) -> int:
    stack = []
    for token in tokens:
        if token in ("+", "-", "*", "/"):
            a = stack.pop()
            b = stack.pop()
            if token == "+":
                stack.append(a + b)
            elif token == "-":
                stack.append(a - b)
            elif token == "*":
                stack.append(a * b)
            else:
                stack.append(int(a / b))
        else:
            stack.append(int(token))
    return stack[-1]
