import math
from itertools import accumulate


def generate(n, rng):
    """About n cells: a near-square matrix whose values increase (by 2, 4 or 6) row by row.

    The parity of n picks the target, so a perf case can ask for either shape:
    even n -> the value of a random cell (present);
    odd n  -> a random cell's value plus one, odd and so absent.
    """
    cols = max(1, math.isqrt(n) + rng.randint(-5, 5))
    rows = max(1, n // cols)
    start = rng.randrange(-1000, 1000) * 2
    flat = list(accumulate(rng.choices((2, 4, 6), k=rows * cols - 1), initial=start))
    matrix = [flat[r * cols : (r + 1) * cols] for r in range(rows)]
    target = rng.choice(flat) + (n % 2)
    return {"matrix": matrix, "target": target}
