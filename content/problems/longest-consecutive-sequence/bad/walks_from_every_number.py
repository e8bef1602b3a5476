def longest_consecutive(nums: list[int]) -> int:
    values = set(nums)
    best = 0
    for x in nums:
        length = 1
        while x + length in values:
            length += 1
        best = max(best, length)
    return best
