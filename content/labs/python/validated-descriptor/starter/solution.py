class Typed:
    """A data descriptor that type-checks (and optionally bounds) every assignment."""

    def __init__(self, type_: type, *, minimum=None) -> None:
        raise NotImplementedError

    def __set_name__(self, owner: type, name: str) -> None:
        raise NotImplementedError

    def __get__(self, instance, owner=None):
        raise NotImplementedError

    def __set__(self, instance, value) -> None:
        raise NotImplementedError
