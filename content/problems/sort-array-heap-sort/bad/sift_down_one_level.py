def heap_sort(nums: list[int]) -> list[int]:
    heap = list(nums)
    n = len(heap)

    def sift_down(root: int, size: int) -> None:
        largest = root
        for child in (2 * root + 1, 2 * root + 2):
            if child < size and heap[child] > heap[largest]:
                largest = child
        if largest != root:
            heap[root], heap[largest] = heap[largest], heap[root]

    for root in range(n // 2 - 1, -1, -1):
        sift_down(root, n)
    for end in range(n - 1, 0, -1):
        heap[0], heap[end] = heap[end], heap[0]
        sift_down(0, end)
    return heap
