import random


def quick_sort(nums: list[int]) -> list[int]:
    arr = list(nums)

    def partition(lo: int, hi: int) -> int:
        r = random.randint(lo, hi)
        arr[r], arr[hi] = arr[hi], arr[r]
        pivot = arr[hi]
        i = lo
        for j in range(lo, hi):
            if arr[j] < pivot:
                arr[i], arr[j] = arr[j], arr[i]
                i += 1
        arr[i], arr[hi] = arr[hi], arr[i]
        return i

    def sort_range(lo: int, hi: int) -> None:
        if lo < hi:
            p = partition(lo, hi)
            sort_range(lo, p - 1)
            sort_range(p + 1, hi)

    sort_range(0, len(arr) - 1)
    return arr
