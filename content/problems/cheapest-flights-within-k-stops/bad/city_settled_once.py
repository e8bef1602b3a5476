import heapq


def find_cheapest_price(n: int, flights: list[list[int]], src: int, dst: int, k: int) -> int:
    graph = [[] for _ in range(n)]
    for u, v, price in flights:
        graph[u].append((v, price))
    visited = set()
    heap = [(0, src, 0)]  # price so far, city, flights taken
    while heap:
        cost, city, taken = heapq.heappop(heap)
        if city == dst:
            return cost
        if city in visited:
            continue
        visited.add(city)
        if taken == k + 1:
            continue
        for nxt, price in graph[city]:
            heapq.heappush(heap, (cost + price, nxt, taken + 1))
    return -1
