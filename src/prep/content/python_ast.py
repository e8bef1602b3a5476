"""Parse Python source safely from several threads at once.

CPython 3.11 keeps the recursion counter used while turning a parse tree into
`ast` objects in per-interpreter state, so two threads calling `ast.parse` at
the same moment can trip "AST constructor recursion depth mismatch"
(SystemError, CPython gh-106905). The content check parses from a thread pool
and the web app from its worker threads, so every in-process parse goes
through one lock. Parsing a signature or a card takes microseconds; the lock
costs nothing measurable.
"""

import ast
import threading

_PARSE_LOCK = threading.Lock()


def parse_python(source: str, filename: str = "<unknown>") -> ast.Module:
    """`ast.parse`, serialised across threads; raises SyntaxError as it does."""
    with _PARSE_LOCK:
        return ast.parse(source, filename)
