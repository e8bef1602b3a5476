def product_except_self(nums: list[int]) -> list[int]:
    answer = [1] * len(nums)
    left = 1  # product of nums[:i]
    for i, value in enumerate(nums):
        answer[i] = left
        left *= value
    right = 1  # product of nums[i + 1:]
    for i in range(len(nums) - 1, -1, -1):
        answer[i] *= right
        right *= nums[i]
    return answer
