import heapq


def merge_k_lists(lists: list[list[int]]) -> list[int]:
    heap = []
    for lst in lists:
        it = iter(lst)
        first = next(it, None)
        if first is not None:
            heapq.heappush(heap, (first, it))
    result = []
    while heap:
        val, it = heapq.heappop(heap)
        result.append(val)
        nxt = next(it, None)
        if nxt is not None:
            heapq.heappush(heap, (nxt, it))
    return result
