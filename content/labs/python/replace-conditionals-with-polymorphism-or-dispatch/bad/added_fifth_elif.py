import math


def area(shape):
    """The area of a shape given as a dict with a "kind" and its dimensions."""
    kind = shape["kind"]
    if kind == "circle":
        return math.pi * shape["radius"] ** 2
    elif kind == "rectangle":
        return shape["width"] * shape["height"]
    elif kind == "square":
        return shape["side"] ** 2
    elif kind == "triangle":
        a, b, c = shape["a"], shape["b"], shape["c"]
        s = (a + b + c) / 2
        return math.sqrt(s * (s - a) * (s - b) * (s - c))
    elif kind == "ellipse":
        return math.pi * shape["rx"] * shape["ry"]
    else:
        raise ValueError(f"unknown shape kind: {kind!r}")


def perimeter(shape):
    """The length of the shape's outline."""
    kind = shape["kind"]
    if kind == "circle":
        return 2 * math.pi * shape["radius"]
    elif kind == "rectangle":
        return 2 * (shape["width"] + shape["height"])
    elif kind == "square":
        return 4 * shape["side"]
    elif kind == "triangle":
        return shape["a"] + shape["b"] + shape["c"]
    elif kind == "ellipse":
        a, b = shape["rx"], shape["ry"]
        return math.pi * (3 * (a + b) - math.sqrt((3 * a + b) * (a + 3 * b)))
    else:
        raise ValueError(f"unknown shape kind: {kind!r}")


def describe(shape):
    """A one-line label for the shape, as shown in the drawing's legend."""
    kind = shape["kind"]
    if kind == "circle":
        return f"circle r={shape['radius']:g}"
    elif kind == "rectangle":
        return f"rectangle {shape['width']:g}x{shape['height']:g}"
    elif kind == "square":
        return f"square {shape['side']:g}"
    elif kind == "triangle":
        return f"triangle {shape['a']:g}/{shape['b']:g}/{shape['c']:g}"
    elif kind == "ellipse":
        return f"ellipse {shape['rx']:g}x{shape['ry']:g}"
    else:
        raise ValueError(f"unknown shape kind: {kind!r}")
