class cached:
    """A non-data descriptor: compute once per instance, cache in the instance __dict__."""

    def __init__(self, method) -> None:
        raise NotImplementedError

    def __set_name__(self, owner, name) -> None:
        raise NotImplementedError

    def __get__(self, instance, owner=None):
        raise NotImplementedError
