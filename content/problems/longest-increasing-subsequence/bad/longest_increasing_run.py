def length_of_lis(nums: list[int]) -> int:
    if not nums:
        return 0
    best = run = 1
    for previous, current in zip(nums, nums[1:]):
        run = run + 1 if current > previous else 1
        best = max(best, run)
    return best
