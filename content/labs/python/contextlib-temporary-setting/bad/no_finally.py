import contextlib
from collections.abc import Iterator
from typing import Any, TypeVar

T = TypeVar("T")

_MISSING = object()


@contextlib.contextmanager
def override(obj: T, **attrs: Any) -> Iterator[T]:
    own = vars(obj)
    saved = {name: own.get(name, _MISSING) for name in attrs}
    for name, value in attrs.items():
        setattr(obj, name, value)
    yield obj
    for name, old in saved.items():
        if old is _MISSING:
            delattr(obj, name)
        else:
            setattr(obj, name, old)
