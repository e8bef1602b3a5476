from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class cached(Generic[T]):
    """A non-data descriptor: compute once per instance, cache in the instance __dict__.

    Only __get__ is defined, so once the value sits in the instance __dict__ normal attribute
    lookup finds it first and this descriptor is not called again; `del obj.attr` removes the
    entry and the next read computes afresh.
    """

    def __init__(self, method: Callable[[Any], T]) -> None:
        self.method = method
        self.name: str | None = method.__name__
        self.__doc__ = method.__doc__

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self
        if self.name is None:
            raise TypeError("cached must be assigned in a class body (__set_name__ not called)")
        try:
            storage = vars(instance)
        except TypeError:
            raise TypeError(
                f"{type(instance).__name__} has no instance __dict__ to cache {self.name!r} in"
            ) from None
        value = self.method(instance)
        storage[self.name] = value
        return value
