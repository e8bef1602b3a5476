def find_min(nums: list[int]) -> int:
    lo, hi = 0, len(nums) - 1
    if nums[lo] < nums[hi]:  # not rotated
        return nums[lo]
    while lo <= hi:
        mid = (lo + hi) // 2
        if nums[mid] > nums[mid + 1]:
            return nums[mid + 1]
        if mid > 0 and nums[mid - 1] > nums[mid]:
            return nums[mid]
        if nums[mid] > nums[0]:
            lo = mid + 1
        else:
            hi = mid - 1
    return nums[0]
