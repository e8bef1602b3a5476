import heapq


def heap_sort(nums: list[int]) -> list[int]:
    heap = list(nums)
    heapq.heapify(heap)
    return [heapq.heappop(heap) for _ in range(len(heap))]
