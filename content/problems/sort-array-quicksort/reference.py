import random


def quick_sort(nums: list[int]) -> list[int]:
    if len(nums) <= 1:
        return list(nums)
    pivot = random.choice(nums)  # a random pivot: no fixed input is the worst case
    less = [x for x in nums if x < pivot]
    equal = [x for x in nums if x == pivot]  # every copy of the pivot is done after one pass
    greater = [x for x in nums if x > pivot]
    return quick_sort(less) + equal + quick_sort(greater)
