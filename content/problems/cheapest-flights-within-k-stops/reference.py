def find_cheapest_price(n: int, flights: list[list[int]], src: int, dst: int, k: int) -> int:
    inf = float("inf")
    # After round r, best[c] is the cheapest price to reach c with at most r flights.
    best = [inf] * n
    best[src] = 0
    for _ in range(k + 1):  # k stops means at most k + 1 flights
        nxt = best[:]  # read last round's prices only, so a round adds exactly one flight
        for u, v, price in flights:
            if best[u] + price < nxt[v]:
                nxt[v] = best[u] + price
        if nxt == best:
            break  # nothing improved: more flights cannot help
        best = nxt
    return -1 if best[dst] == inf else int(best[dst])
