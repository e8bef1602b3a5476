import math
from abc import ABC, abstractmethod
from dataclasses import dataclass, fields
from typing import Any


class Shape(ABC):
    """What every shape can do. Adding a kind is one new subclass and one entry in SHAPES."""

    @abstractmethod
    def area(self) -> float: ...

    @abstractmethod
    def perimeter(self) -> float: ...

    @abstractmethod
    def describe(self) -> str: ...


@dataclass(frozen=True)
class Circle(Shape):
    radius: float

    def area(self) -> float:
        return math.pi * self.radius**2

    def perimeter(self) -> float:
        return 2 * math.pi * self.radius

    def describe(self) -> str:
        return f"circle r={self.radius:g}"


@dataclass(frozen=True)
class Rectangle(Shape):
    width: float
    height: float

    def area(self) -> float:
        return self.width * self.height

    def perimeter(self) -> float:
        return 2 * (self.width + self.height)

    def describe(self) -> str:
        return f"rectangle {self.width:g}x{self.height:g}"


@dataclass(frozen=True)
class Square(Shape):
    side: float

    def area(self) -> float:
        return self.side**2

    def perimeter(self) -> float:
        return 4 * self.side

    def describe(self) -> str:
        return f"square {self.side:g}"


@dataclass(frozen=True)
class Triangle(Shape):
    a: float
    b: float
    c: float

    def area(self) -> float:
        s = self.perimeter() / 2  # Heron's formula
        return math.sqrt(s * (s - self.a) * (s - self.b) * (s - self.c))

    def perimeter(self) -> float:
        return self.a + self.b + self.c

    def describe(self) -> str:
        return f"triangle {self.a:g}/{self.b:g}/{self.c:g}"


@dataclass(frozen=True)
class Ellipse(Shape):
    rx: float
    ry: float

    def area(self) -> float:
        return math.pi * self.rx * self.ry

    def perimeter(self) -> float:
        # Ramanujan's first approximation; there is no closed form.
        a, b = self.rx, self.ry
        return math.pi * (3 * (a + b) - math.sqrt((3 * a + b) * (a + 3 * b)))

    def describe(self) -> str:
        return f"ellipse {self.rx:g}x{self.ry:g}"


SHAPES: dict[str, type[Shape]] = {
    "circle": Circle,
    "rectangle": Rectangle,
    "square": Square,
    "triangle": Triangle,
    "ellipse": Ellipse,
}


def shape_from_dict(data: dict[str, Any]) -> Shape:
    """The one place that knows which "kind" is which class."""
    cls = SHAPES[data["kind"]]
    return cls(**{field.name: data[field.name] for field in fields(cls)})  # type: ignore[arg-type]


def area(shape: dict[str, Any]) -> float:
    """The area of a shape given as a dict with a "kind" and its dimensions."""
    return shape_from_dict(shape).area()


def perimeter(shape: dict[str, Any]) -> float:
    """The length of the shape's outline."""
    return shape_from_dict(shape).perimeter()


def describe(shape: dict[str, Any]) -> str:
    """A one-line label for the shape, as shown in the drawing's legend."""
    return shape_from_dict(shape).describe()
