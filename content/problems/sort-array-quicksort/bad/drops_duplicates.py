import random


def quick_sort(nums: list[int]) -> list[int]:
    if len(nums) <= 1:
        return nums
    pivot = random.choice(nums)
    less = [x for x in nums if x < pivot]
    greater = [x for x in nums if x > pivot]
    return quick_sort(less) + [pivot] + quick_sort(greater)
