from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class cached(Generic[T]):
    def __init__(self, method: Callable[[Any], T]) -> None:
        self.method = method
        self.values: dict[Any, Any] = {}  # instance -> value
        self.__doc__ = method.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self
        if instance not in self.values:
            self.values[instance] = self.method(instance)
        return self.values[instance]
