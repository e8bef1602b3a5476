def search_range(nums: list[int], target: int) -> list[int]:
    def lower_bound(value: int) -> int:
        lo, hi = 0, len(nums)
        while lo < hi:
            mid = (lo + hi) // 2
            if nums[mid] < value:
                lo = mid + 1
            else:
                hi = mid
        return lo

    first = lower_bound(target)
    if nums[first] != target:
        return [-1, -1]
    return [first, lower_bound(target + 1) - 1]
