def find_min(nums: list[int]) -> int:
    lo, hi = 0, len(nums) - 1  # the minimum is in nums[lo..hi]
    while lo < hi:
        mid = (lo + hi) // 2
        if nums[mid] > nums[hi]:  # the drop is to the right of mid
            lo = mid + 1
        else:  # nums[mid..hi] is ascending, so the minimum is at mid or to its left
            hi = mid
    return nums[lo]
