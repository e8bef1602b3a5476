import functools
import re
from dataclasses import dataclass

_IDENTIFIER = re.compile(r"[0-9A-Za-z-]+")
_NUMBER = re.compile(r"0|[1-9][0-9]*")  # ASCII digits, no leading zero

#: release sorts above any pre-release of the same core
_RELEASE = (1,)


@functools.total_ordering
@dataclass(frozen=True, eq=False)
class Version:
    """A Semantic Versioning 2.0.0 version, ordered by SemVer precedence."""

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
        prerelease = _identifiers(pre_text, text, "pre-release") if has_pre else ()
        if any(part.isdigit() and not _NUMBER.fullmatch(part) for part in prerelease):
            raise ValueError(f"{text!r}: numeric pre-release identifiers have no leading zeros")
        build = _identifiers(build_text, text, "build") if has_build else ()
        major, minor, patch = map(int, core)
        return cls(major, minor, patch, prerelease, build)

    def _precedence(self) -> tuple[object, ...]:
        # (0, n, "") for numeric identifiers sorts below (1, 0, s) for alphanumeric ones,
        # so an int is never compared with a str.
        pre = (
            (0, tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in self.prerelease))
            if self.prerelease
            else _RELEASE
        )
        return (self.major, self.minor, self.patch, pre)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._precedence() == other._precedence()

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._precedence() < other._precedence()

    def __hash__(self) -> int:
        return hash(self._precedence())

    def __str__(self) -> str:
        text = f"{self.major}.{self.minor}.{self.patch}"
        if self.prerelease:
            text += "-" + ".".join(self.prerelease)
        if self.build:
            text += "+" + ".".join(self.build)
        return text


def _identifiers(part: str, text: str, what: str) -> tuple[str, ...]:
    identifiers = tuple(part.split("."))
    if not all(_IDENTIFIER.fullmatch(i) for i in identifiers):
        raise ValueError(f"{text!r}: invalid {what} identifiers {part!r}")
    return identifiers
