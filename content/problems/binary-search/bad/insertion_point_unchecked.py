from bisect import bisect_left


def search(nums: list[int], target: int) -> int:
    i = bisect_left(nums, target)
    return i if nums[i] == target else -1
