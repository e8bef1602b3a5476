def heap_sort(nums: list[int]) -> list[int]:
    heap = list(nums)
    n = len(heap)
    # Build a max-heap bottom-up: sift down every node that has a child, last one first. O(n).
    for root in range(n // 2 - 1, -1, -1):
        _sift_down(heap, root, n)
    # Move the maximum behind the heap, shrink the heap by one and restore it. O(n log n).
    for end in range(n - 1, 0, -1):
        heap[0], heap[end] = heap[end], heap[0]
        _sift_down(heap, 0, end)
    return heap


def _sift_down(heap: list[int], root: int, size: int) -> None:
    """Move heap[root] down until it is at least as large as its children within heap[:size]."""
    value = heap[root]
    while True:
        child = 2 * root + 1
        if child >= size:
            break
        if child + 1 < size and heap[child + 1] > heap[child]:
            child += 1  # the larger of the two children
        if value >= heap[child]:
            break
        heap[root] = heap[child]
        root = child
    heap[root] = value
