from dataclasses import dataclass
from typing import Any, ClassVar


class DictMixin:
    def to_dict(self) -> dict[str, Any]:
        """The dataclass's fields as a new dict."""
        raise NotImplementedError


class TaggedMixin(DictMixin):
    def to_dict(self) -> dict[str, Any]:
        """Adds "kind": the class name."""
        raise NotImplementedError


class RedactedMixin(DictMixin):
    redact: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict[str, Any]:
        """Replaces the values of the keys in `redact` with "***"."""
        raise NotImplementedError


class JsonMixin(DictMixin):
    def to_json(self) -> str:
        raise NotImplementedError


class ComparableMixin:
    def sort_key(self) -> Any:
        raise NotImplementedError


@dataclass
class User(JsonMixin, RedactedMixin, TaggedMixin, ComparableMixin):
    name: str
    email: str
    age: int
    redact: ClassVar[tuple[str, ...]] = ("email",)

    def sort_key(self) -> tuple[int, str]:
        return (self.age, self.name)
