def permute(nums: list[int]) -> list[list[int]]:
    nums = list(nums)
    result = []

    def backtrack(start: int) -> None:
        if start == len(nums):
            result.append(nums[:])
            return
        for i in range(start, len(nums)):
            nums[start], nums[i] = nums[i], nums[start]
            backtrack(start + 1)

    backtrack(0)
    return result
