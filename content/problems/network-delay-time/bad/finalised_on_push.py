import heapq


def network_delay_time(times: list[list[int]], n: int, k: int) -> int:
    graph = {node: [] for node in range(1, n + 1)}
    for u, v, w in times:
        graph[u].append((v, w))
    dist = {k: 0}
    heap = [(0, k)]
    while heap:
        d, node = heapq.heappop(heap)
        for nxt, w in graph[node]:
            if nxt not in dist:
                dist[nxt] = d + w
                heapq.heappush(heap, (d + w, nxt))
    return max(dist.values()) if len(dist) == n else -1
