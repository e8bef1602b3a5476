def quick_sort(nums: list[int]) -> list[int]:
    arr = list(nums)

    def partition(lo: int, hi: int) -> int:
        pivot = arr[lo]  # always the first element
        i = lo
        for j in range(lo + 1, hi + 1):
            if arr[j] < pivot:
                i += 1
                arr[i], arr[j] = arr[j], arr[i]
        arr[lo], arr[i] = arr[i], arr[lo]
        return i

    def sort_range(lo: int, hi: int) -> None:
        if lo < hi:
            p = partition(lo, hi)
            sort_range(lo, p - 1)
            sort_range(p + 1, hi)

    sort_range(0, len(arr) - 1)
    return arr
