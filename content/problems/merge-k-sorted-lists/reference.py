import heapq


def merge_k_lists(lists: list[list[int]]) -> list[int]:
    # (value, list index, position in that list): the index breaks ties between equal values,
    # so the heap never has to compare anything but integers.
    heap = [(values[0], i, 0) for i, values in enumerate(lists) if values]
    heapq.heapify(heap)
    merged: list[int] = []
    while heap:
        value, i, pos = heap[0]
        merged.append(value)
        if pos + 1 < len(lists[i]):
            heapq.heapreplace(heap, (lists[i][pos + 1], i, pos + 1))  # pop and push in one step
        else:
            heapq.heappop(heap)
    return merged
