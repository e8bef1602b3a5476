from typing import Any


class Typed:
    """A data descriptor that type-checks (and optionally bounds) every assignment."""

    def __init__(self, type_: type, *, minimum: Any = None) -> None:
        self.type_ = type_
        self.minimum = minimum
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        try:
            return instance.__dict__[self.name]
        except KeyError:
            raise AttributeError(
                f"{type(instance).__name__!r} object has no attribute {self.name!r}"
            ) from None

    def __set__(self, instance: object, value: Any) -> None:
        if not isinstance(value, self.type_) or (
            isinstance(value, bool) and self.type_ is not bool
        ):
            raise TypeError(
                f"{self.name} must be {self.type_.__name__}, got {type(value).__name__}"
            )
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"{self.name} must be at least {self.minimum!r}, got {value!r}")
        instance.__dict__[self.name] = value
