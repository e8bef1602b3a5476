def rob(nums: list[int]) -> int:
    return max(sum(nums[0::2]), sum(nums[1::2]))
