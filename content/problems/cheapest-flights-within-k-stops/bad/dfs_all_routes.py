def find_cheapest_price(n: int, flights: list[list[int]], src: int, dst: int, k: int) -> int:
    graph = [[] for _ in range(n)]
    for u, v, price in flights:
        graph[u].append((v, price))
    best = float("inf")

    def dfs(city: int, cost: int, flights_left: int) -> None:
        nonlocal best
        if city == dst:
            best = min(best, cost)
            return
        if flights_left == 0:
            return
        for nxt, price in graph[city]:
            dfs(nxt, cost + price, flights_left - 1)

    dfs(src, 0, k + 1)
    return -1 if best == float("inf") else best
