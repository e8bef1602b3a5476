import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Circle:
    radius: float


@dataclass(frozen=True)
class Rectangle:
    width: float
    height: float


@dataclass(frozen=True)
class Square:
    side: float


@dataclass(frozen=True)
class Triangle:
    a: float
    b: float
    c: float


@dataclass(frozen=True)
class Ellipse:
    rx: float
    ry: float


SHAPES = {
    "circle": lambda d: Circle(d["radius"]),
    "rectangle": lambda d: Rectangle(d["width"], d["height"]),
    "square": lambda d: Square(d["side"]),
    "triangle": lambda d: Triangle(d["a"], d["b"], d["c"]),
    "ellipse": lambda d: Ellipse(d["rx"], d["ry"]),
}


def parse(data):
    kind = data["kind"]
    if kind not in SHAPES:
        raise ValueError(f"unknown shape kind: {kind!r}")
    return SHAPES[kind](data)


def area(shape):
    s = parse(shape)
    if isinstance(s, Circle):
        return math.pi * s.radius**2
    if isinstance(s, Rectangle):
        return s.width * s.height
    if isinstance(s, Square):
        return s.side**2
    if isinstance(s, Triangle):
        half = (s.a + s.b + s.c) / 2
        return math.sqrt(half * (half - s.a) * (half - s.b) * (half - s.c))
    return math.pi * s.rx * s.ry


def perimeter(shape):
    s = parse(shape)
    if isinstance(s, Circle):
        return 2 * math.pi * s.radius
    if isinstance(s, Rectangle):
        return 2 * (s.width + s.height)
    if isinstance(s, Square):
        return 4 * s.side
    if isinstance(s, Triangle):
        return s.a + s.b + s.c
    return math.pi * (3 * (s.rx + s.ry) - math.sqrt((3 * s.rx + s.ry) * (s.rx + 3 * s.ry)))


def describe(shape):
    s = parse(shape)
    if isinstance(s, Circle):
        return f"circle r={s.radius:g}"
    if isinstance(s, Rectangle):
        return f"rectangle {s.width:g}x{s.height:g}"
    if isinstance(s, Square):
        return f"square {s.side:g}"
    if isinstance(s, Triangle):
        return f"triangle {s.a:g}/{s.b:g}/{s.c:g}"
    return f"ellipse {s.rx:g}x{s.ry:g}"
