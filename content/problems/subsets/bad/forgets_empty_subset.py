from itertools import combinations


def subsets(nums: list[int]) -> list[list[int]]:
    result = []
    for size in range(1, len(nums) + 1):
        result.extend(list(group) for group in combinations(nums, size))
    return result
