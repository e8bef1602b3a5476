def search_range(nums: list[int], target: int) -> list[int]:
    first = _lower_bound(nums, target)
    if first == len(nums) or nums[first] != target:
        return [-1, -1]
    return [first, _lower_bound(nums, target + 1) - 1]


def _lower_bound(nums: list[int], value: int) -> int:
    """The first index i with nums[i] >= value (len(nums) if there is none)."""
    lo, hi = 0, len(nums)  # the answer is in [lo, hi]
    while lo < hi:
        mid = (lo + hi) // 2
        if nums[mid] < value:
            lo = mid + 1
        else:
            hi = mid
    return lo
