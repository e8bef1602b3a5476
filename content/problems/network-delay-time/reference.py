import heapq


def network_delay_time(times: list[list[int]], n: int, k: int) -> int:
    wires: list[list[tuple[int, int]]] = [[] for _ in range(n + 1)]
    for source, target, delay in times:
        wires[source].append((target, delay))
    arrival: dict[int, int] = {}  # node -> final shortest time, filled in order of time
    heap = [(0, k)]
    while heap:
        time, node = heapq.heappop(heap)
        if node in arrival:
            continue  # a stale entry: this node was already reached sooner
        arrival[node] = time
        for target, delay in wires[node]:
            if target not in arrival:
                heapq.heappush(heap, (time + delay, target))
    return max(arrival.values()) if len(arrival) == n else -1
