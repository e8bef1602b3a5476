import contextlib
from collections.abc import Iterator
from typing import Any, TypeVar

T = TypeVar("T")

_MISSING = object()


@contextlib.contextmanager
def override(obj: T, **attrs: Any) -> Iterator[T]:
    saved: dict[str, Any] = {}
    try:
        for name, value in attrs.items():
            saved[name] = getattr(obj, name, _MISSING)
            setattr(obj, name, value)
        yield obj
    finally:
        for name, old in saved.items():
            if old is _MISSING:
                delattr(obj, name)
            else:
                setattr(obj, name, old)
