def heap_sort(nums: list[int]) -> list[int]:
    heap = list(nums)

    def sift_down(root: int, size: int) -> None:
        while True:
            largest = root
            for child in (2 * root + 1, 2 * root + 2):
                if child < size and heap[child] > heap[largest]:
                    largest = child
            if largest == root:
                return
            heap[root], heap[largest] = heap[largest], heap[root]
            root = largest

    for end in range(len(heap) - 1, 0, -1):
        for root in range(end // 2, -1, -1):  # heapify heap[:end + 1] from scratch
            sift_down(root, end + 1)
        heap[0], heap[end] = heap[end], heap[0]
    return heap
