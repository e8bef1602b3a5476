def quick_sort(nums: list[int]) -> list[int]:
    return sorted(nums)
