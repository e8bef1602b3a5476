"""Just enough of CI condition expressions (GitHub `if:`, GitLab `rules: if:`) to tell whether
a condition restricts a job to certain branches or tags.

A condition restricts a job when one of its top-level `&&` terms does; a term restricts when
it is a ref comparison the caller accepts, or a parenthesised `||` of such comparisons. Any
top-level `||` with an unrestricted side lets the job run anywhere.
"""

from __future__ import annotations

from collections.abc import Callable


def split_top(expr: str, operator: str) -> list[str]:
    """Split at `operator` where it is outside quotes and parentheses."""
    parts: list[str] = []
    depth = 0
    quote = ""
    start = 0
    i = 0
    while i < len(expr):
        ch = expr[i]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0 and expr.startswith(operator, i):
            parts.append(expr[start:i])
            i += len(operator)
            start = i
            continue
        i += 1
    parts.append(expr[start:])
    return [p.strip() for p in parts]


def _unwrap(term: str) -> str:
    """Drop parentheses that enclose the whole term."""
    term = term.strip()
    while term.startswith("(") and term.endswith(")") and _closes_at_end(term):
        term = term[1:-1].strip()
    return term


def _closes_at_end(term: str) -> bool:
    depth = 0
    quote = ""
    for i, ch in enumerate(term):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and i != len(term) - 1:
                return False
    return True


def restricts(expr: str, is_restriction: Callable[[str], bool]) -> bool:
    """True when the condition `expr` can only hold where `is_restriction` terms hold."""
    expr = _unwrap(expr)
    alternatives = split_top(expr, "||")
    if len(alternatives) > 1:
        return all(restricts(a, is_restriction) for a in alternatives)
    terms = split_top(expr, "&&")
    if len(terms) > 1:
        return any(restricts(t, is_restriction) for t in terms)
    return is_restriction(" ".join(expr.split()).replace('"', "'"))
