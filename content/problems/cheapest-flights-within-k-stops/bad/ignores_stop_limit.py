import heapq


def find_cheapest_price(n: int, flights: list[list[int]], src: int, dst: int, k: int) -> int:
    graph = [[] for _ in range(n)]
    for u, v, price in flights:
        graph[u].append((v, price))
    done = set()
    heap = [(0, src)]
    while heap:
        cost, city = heapq.heappop(heap)
        if city == dst:
            return cost
        if city in done:
            continue
        done.add(city)
        for nxt, price in graph[city]:
            if nxt not in done:
                heapq.heappush(heap, (cost + price, nxt))
    return -1
