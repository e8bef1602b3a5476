from itertools import pairwise


def generate(n, rng):
    """n cities, each with about 20 flights to random cities (prices 1,000-10,000), plus a route of
    n / 2 flights costing 1-10 each that winds from src to dst through random cities. Even n
    allows k = n - 1 stops, so the cheap route is usable; odd n allows only n // 10 stops, so
    the answer must be found among the routes with few flights. At most one flight per ordered
    pair of cities."""
    cities = list(range(n))
    rng.shuffle(cities)
    src, dst = cities[0], cities[-1]
    prices = {}
    for u in range(n):
        for v in rng.sample(range(n), min(20, n)):
            if u != v:
                prices[(u, v)] = rng.randint(1_000, 10_000)
    route = [src, *rng.sample(cities[1:-1], max(0, n // 2 - 1)), dst]
    for u, v in pairwise(route):
        prices[(u, v)] = rng.randint(1, 10)
    flights = [[u, v, p] for (u, v), p in prices.items()]
    rng.shuffle(flights)
    k = n - 1 if n % 2 == 0 else n // 10
    return {"n": n, "flights": flights, "src": src, "dst": dst, "k": k}
