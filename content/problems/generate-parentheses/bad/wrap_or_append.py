def generate_parenthesis(n: int) -> list[str]:
    # every answer for n is an answer for n - 1 wrapped in a pair, or with "()" added
    # before or after it
    if n == 0:
        return [""]
    found = set()
    for inner in generate_parenthesis(n - 1):
        found.add("(" + inner + ")")
        found.add("()" + inner)
        found.add(inner + "()")
    return list(found)
