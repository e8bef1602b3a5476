import math


def generate(n, rng):
    """amount = n and 12 distinct coin values from 3 to 400 whose gcd is 1 (the table is
    12 * n steps). The answer is a count, so it is unique whatever coins make it up."""
    while True:
        coins = rng.sample(range(3, 401), 12)
        if math.gcd(*coins) == 1:
            return {"coins": coins, "amount": n}
