"""Empirical time complexity: fit measured times against the usual growth classes.

Timing fits are easily fooled (see shared/notes/judge-facts.md), so: sizes span at least 16x,
each size is run several times and the minimum kept (noise only ever adds time), a constant
term absorbs per-call overhead, and the best fit must beat the runner-up clearly before we say
so with confidence. Too few points, or times too small to measure, give no estimate at all.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import pairwise

from prep.judge.verdicts import ComplexityEstimate

MODELS: dict[str, Callable[[float], float]] = {
    "O(1)": lambda n: 1.0,
    "O(log n)": lambda n: math.log2(n),
    "O(n)": lambda n: n,
    "O(n log n)": lambda n: n * math.log2(n),
    "O(n^2)": lambda n: n * n,
    "O(n^3)": lambda n: n**3,
    "O(2^n)": lambda n: 2.0 ** min(n, 1000),
}
#: Classes that timings can tell apart. Inside a band (n vs n log n over a 64x range differ by
#: under 2x) noise and caches can mimic the difference, so verdicts only compare bands.
BAND = {"O(1)": 0, "O(log n)": 0, "O(n)": 1, "O(n log n)": 1, "O(n^2)": 2, "O(n^3)": 3, "O(2^n)": 4}
MIN_POINTS = 5
MIN_SIGNAL_MS = 2.0  # the largest size must take at least this long to be worth fitting
NOISE_DROP = 0.8


def sizes(min_n: int, max_n: int, count: int = 7) -> list[int]:
    ratio = (max_n / min_n) ** (1 / (count - 1))
    return sorted({round(min_n * ratio**i) for i in range(count)})


def estimate(expected: str, points: Sequence[tuple[int, float]]) -> ComplexityEstimate:
    """Best-fitting class for (n, time_ms) points, with a confidence label."""
    usable = sorted(p for p in points if p[1] > 0)
    frozen = tuple(usable)
    if (
        len(usable) < MIN_POINTS
        or usable[-1][0] < 16 * usable[0][0]
        or usable[-1][1] < MIN_SIGNAL_MS
    ):
        return ComplexityEstimate(expected, None, "insufficient", frozen)
    errors = {name: _fit_error(MODELS[name], usable) for name in MODELS}
    best = min(errors, key=errors.__getitem__)
    rival = min(e for name, e in errors.items() if BAND[name] != BAND[best])
    separation = (rival + 1e-12) / (errors[best] + 1e-12)
    confidence = "high" if separation > 4 else "medium" if separation > 1.6 else "low"
    if _noisy(usable):
        confidence = "low"
    # Within a band, timings cannot reliably tell the classes apart (cache effects alone make an
    # O(n) hash map fit O(n log n) best in some runs), so the honest statement is "consistent
    # with the expected class".
    if BAND[expected] == BAND[best]:
        best = expected
    return ComplexityEstimate(expected, best, confidence, frozen)


def _noisy(points: Sequence[tuple[int, float]]) -> bool:
    """Work never shrinks as n grows: a best time well below a smaller size's means the
    measurements were disturbed (a busy machine), so no fit of them deserves confidence."""
    return any(later < NOISE_DROP * earlier for (_, earlier), (_, later) in pairwise(points))


def _fit_error(model: Callable[[float], float], points: Sequence[tuple[int, float]]) -> float:
    """Relative least squares of t = a * f(n) + b with a, b >= 0; mean squared log error."""
    xs = [model(n) for n, _ in points]
    ts = [t for _, t in points]
    weights = [1 / (t * t) for t in ts]  # relative error, so small sizes count as much as large
    sw = sum(weights)
    swx = sum(w * x for w, x in zip(weights, xs, strict=True))
    swt = sum(w * t for w, t in zip(weights, ts, strict=True))
    swxx = sum(w * x * x for w, x in zip(weights, xs, strict=True))
    swxt = sum(w * x * t for w, x, t in zip(weights, xs, ts, strict=True))
    det = sw * swxx - swx * swx
    if abs(det) < 1e-300:
        a, b = 0.0, swt / sw
    else:
        a = (sw * swxt - swx * swt) / det
        b = (swt - a * swx) / sw
    if a < 0:
        a, b = 0.0, swt / sw
    if b < 0:
        b = 0.0
        a = swxt / swxx if swxx > 0 else 0.0
    error = 0.0
    for x, t in zip(xs, ts, strict=True):
        predicted = max(a * x + b, 1e-9)
        error += math.log(predicted / t) ** 2
    return error / len(points)


def worse_than_expected(result: ComplexityEstimate) -> bool:
    """Worth a note: a worse band than intended, measured with at least medium confidence."""
    if result.estimated is None or result.confidence == "low":
        return False
    return BAND[result.estimated] > BAND[result.expected]
