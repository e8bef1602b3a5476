from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

GRID = range(0, 101)
MAX_STEP = 10


@dataclass(frozen=True)
class Move:
    dx: int
    dy: int


class Teleport:
    """A plain class, not a dataclass (kept as it is for older callers)."""

    __slots__ = ("x", "y")

    def __init__(self, x: int, y: int) -> None:
        self.x, self.y = x, y

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Teleport) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self) -> int:
        return hash((self.x, self.y))

    def __repr__(self) -> str:
        return f"Teleport(x={self.x}, y={self.y})"


@dataclass(frozen=True)
class Say:
    text: str


@dataclass(frozen=True)
class Quit:
    pass


@dataclass(frozen=True)
class Batch:
    commands: tuple[Command, ...]


Command = Move | Teleport | Say | Quit | Batch


@dataclass(frozen=True)
class Robot:
    x: int = 0
    y: int = 0
    said: tuple[str, ...] = ()
    active: bool = True


class UnknownCommand(ValueError):
    pass


def parse_command(event: Any) -> Command:
    """Turn one decoded JSON event into a command, or raise UnknownCommand."""
    raise NotImplementedError


def apply(robot: Robot, command: Command) -> Robot:
    """The robot after `command`."""
    raise NotImplementedError


def run(lines: Iterable[str]) -> Robot:
    """Apply a script of JSON lines to a new Robot()."""
    raise NotImplementedError
