def find_cheapest_price(n: int, flights: list[list[int]], src: int, dst: int, k: int) -> int:
    """Return the cheapest price from src to dst using at most k stops (k + 1 flights), or -1.

    [u, v, price] in flights is a one-way flight from city u to city v.
    """
    raise NotImplementedError
