def generate_parenthesis(n: int) -> list[str]:
    """Return every balanced string of n pairs of parentheses, each once, in any order."""
    raise NotImplementedError
