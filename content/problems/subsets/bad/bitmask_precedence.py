def subsets(nums: list[int]) -> list[list[int]]:
    n = len(nums)
    result = []
    for mask in range(1 << n - 1):
        result.append([nums[i] for i in range(n) if mask >> i & 1])
    return result
