import contextlib
from collections.abc import Iterator
from typing import Any, TypeVar

T = TypeVar("T")

_MISSING = object()


@contextlib.contextmanager
def override(obj: T, **attrs: Any) -> Iterator[T]:
    """Set attributes of `obj` for the duration of the block, then put everything back."""
    own = vars(obj)
    saved: dict[str, Any] = {}
    try:
        for name, value in attrs.items():
            old = own.get(name, _MISSING)
            setattr(obj, name, value)
            saved[name] = old  # only what was really changed is restored
        yield obj
    finally:
        for name, previous in saved.items():
            if previous is _MISSING:
                delattr(obj, name)
            else:
                setattr(obj, name, previous)
