from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

GRID = range(0, 101)
MAX_STEP = 10


@dataclass(frozen=True)
class Move:
    dx: int
    dy: int


class Teleport:
    """A plain class (not a dataclass): positional patterns need __match_args__."""

    __slots__ = ("x", "y")
    __match_args__ = ("x", "y")

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


def _is_int(*values: Any) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values)


def parse_command(event: Any) -> Command:
    """Turn one decoded JSON event into a command; UnknownCommand for anything else."""
    match event:
        case {"cmd": "move", "dx": dx, "dy": dy} if _is_int(dx, dy):
            return Move(dx, dy)
        case {"cmd": "teleport", "to": [x, y]} if _is_int(x, y):
            return Teleport(x, y)
        case {"cmd": "say", "text": str(text)} if stripped := text.strip():
            return Say(stripped)
        case {"cmd": "quit"}:
            return Quit()
        case {"cmd": "batch", "commands": [*items]}:
            return Batch(tuple(parse_command(item) for item in items))
        case _:
            raise UnknownCommand(f"not a valid command: {event!r}")


def apply(robot: Robot, command: Command) -> Robot:
    """The robot after `command`; commands sent after Quit change nothing."""
    if not robot.active:
        return robot
    match command:
        case Move(0, 0):
            return robot
        case Move(dx, dy):
            return replace(robot, x=robot.x + dx, y=robot.y + dy)
        case Move(dx, dy) if abs(dx) > MAX_STEP or abs(dy) > MAX_STEP:
            return apply(robot, Move(_clamp(dx), _clamp(dy)))
        case Teleport(x, y) if x in GRID and y in GRID:
            return replace(robot, x=x, y=y)
        case Teleport():
            return robot
        case Say(text):
            return replace(robot, said=(*robot.said, text))
        case Quit():
            return replace(robot, active=False)
        case Batch(commands):
            for inner in commands:
                robot = apply(robot, inner)
            return robot
        case _:
            raise TypeError(f"not a command: {command!r}")


def _clamp(step: int) -> int:
    return max(-MAX_STEP, min(MAX_STEP, step))


def run(lines: Iterable[str]) -> Robot:
    """Apply a script of JSON lines; blank lines and # comments are skipped."""
    robot = Robot()
    for number, raw in enumerate(lines, start=1):
        if not (line := raw.strip()) or line.startswith("#"):
            continue
        try:
            event = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UnknownCommand(f"line {number} is not JSON: {line!r}") from exc
        robot = apply(robot, parse_command(event))
    return robot
