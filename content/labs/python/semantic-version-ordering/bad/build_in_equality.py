import functools
import re
from dataclasses import dataclass

_IDENTIFIER = re.compile(r"[0-9A-Za-z-]+")
_NUMBER = re.compile(r"0|[1-9][0-9]*")


@functools.total_ordering
@dataclass(frozen=True)
class Version:
    major: int
    minor: int
    patch: int
    prerelease: tuple[str, ...] = ()
    build: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> "Version":
        rest, has_build, build_text = text.partition("+")
        core_text, has_pre, pre_text = rest.partition("-")
        core = core_text.split(".")
        if len(core) != 3 or not all(_NUMBER.fullmatch(part) for part in core):
            raise ValueError(f"{text!r}: expected MAJOR.MINOR.PATCH")
        prerelease = _identifiers(pre_text, text) if has_pre else ()
        if any(part.isdigit() and not _NUMBER.fullmatch(part) for part in prerelease):
            raise ValueError(f"{text!r}: numeric pre-release identifiers have no leading zeros")
        build = _identifiers(build_text, text) if has_build else ()
        major, minor, patch = map(int, core)
        return cls(major, minor, patch, prerelease, build)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return _key(self) < _key(other)

    def __str__(self) -> str:
        text = f"{self.major}.{self.minor}.{self.patch}"
        if self.prerelease:
            text += "-" + ".".join(self.prerelease)
        if self.build:
            text += "+" + ".".join(self.build)
        return text


def _key(v: Version) -> tuple[object, ...]:
    pre = (
        (0, tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in v.prerelease))
        if v.prerelease
        else (1,)
    )
    return (v.major, v.minor, v.patch, pre)


def _identifiers(part: str, text: str) -> tuple[str, ...]:
    identifiers = tuple(part.split("."))
    if not all(_IDENTIFIER.fullmatch(i) for i in identifiers):
        raise ValueError(f"{text!r}: invalid identifiers {part!r}")
    return identifiers
