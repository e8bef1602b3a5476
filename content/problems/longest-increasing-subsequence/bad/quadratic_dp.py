def length_of_lis(nums: list[int]) -> int:
    if not nums:
        return 0
    best = [1] * len(nums)  # best[i]: longest increasing subsequence ending at i
    for i in range(len(nums)):
        for j in range(i):
            if nums[j] < nums[i] and best[j] + 1 > best[i]:
                best[i] = best[j] + 1
    return max(best)
