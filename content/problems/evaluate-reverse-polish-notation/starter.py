def eval_rpn(tokens: list[str]) -> int:
    """Return the value of the reverse Polish expression; division truncates toward zero."""
    raise NotImplementedError
