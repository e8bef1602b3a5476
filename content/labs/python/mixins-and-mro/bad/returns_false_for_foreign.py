from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any, ClassVar


class DictMixin:
    """The end of the to_dict chain: a dataclass's fields as a new, shallow dict."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}  # type: ignore[arg-type]


class TaggedMixin(DictMixin):
    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["kind"] = type(self).__name__
        return data


class RedactedMixin(DictMixin):
    #: keys whose values to_dict hides
    redact: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        for key in self.redact:
            if key in data:
                data[key] = "***"
        return data


class JsonMixin(DictMixin):
    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)


class ComparableMixin:
    """Ordering by sort_key(), between objects of exactly the same class."""

    def sort_key(self) -> Any:
        raise NotImplementedError

    def __lt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return False
        return self.sort_key() < other.sort_key()  # type: ignore[attr-defined]

    def __le__(self, other: object) -> bool:
        if type(other) is not type(self):
            return False
        return self.sort_key() <= other.sort_key()  # type: ignore[attr-defined]

    def __gt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return False
        return self.sort_key() > other.sort_key()  # type: ignore[attr-defined]

    def __ge__(self, other: object) -> bool:
        if type(other) is not type(self):
            return False
        return self.sort_key() >= other.sort_key()  # type: ignore[attr-defined]


@dataclass
class User(JsonMixin, RedactedMixin, TaggedMixin, ComparableMixin):
    name: str
    email: str
    age: int
    redact: ClassVar[tuple[str, ...]] = ("email",)

    def sort_key(self) -> tuple[int, str]:
        return (self.age, self.name)
