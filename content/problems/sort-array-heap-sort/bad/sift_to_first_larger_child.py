def heap_sort(nums: list[int]) -> list[int]:
    heap = list(nums)
    n = len(heap)

    def sift_down(root: int, size: int) -> None:
        while True:
            left, right = 2 * root + 1, 2 * root + 2
            if left < size and heap[left] > heap[root]:
                child = left
            elif right < size and heap[right] > heap[root]:
                child = right
            else:
                return
            heap[root], heap[child] = heap[child], heap[root]
            root = child

    for root in range(n // 2 - 1, -1, -1):
        sift_down(root, n)
    for end in range(n - 1, 0, -1):
        heap[0], heap[end] = heap[end], heap[0]
        sift_down(0, end)
    return heap
