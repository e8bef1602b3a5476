from __future__ import annotations

from typing import Any


class Component:
    """The root of the hierarchy; forwards what it does not use to the next class in the MRO."""

    def __init__(self, *, name: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.name = name
        self.features: list[str] = []


class Cached(Component):
    def __init__(self, *, cache_size: int = 128, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cache_size = cache_size
        self.features.append("cache")


class Retrying(Component):
    def __init__(self, *, retries: int = 3, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.retries = retries
        self.features.append("retry")


class Logged(Component):
    def __init__(self, *, level: str = "INFO", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.level = level
        self.features.append("log")


class ApiClient(Cached, Retrying, Logged):
    def __init__(
        self,
        *,
        name: str,
        base_url: str,
        cache_size: int = 128,
        retries: int = 3,
        level: str = "INFO",
    ) -> None:
        Cached.__init__(self, name=name, cache_size=cache_size)
        Retrying.__init__(self, name=name, retries=retries)
        Logged.__init__(self, name=name, level=level)
        self.base_url = base_url
        self.features.append("api")
