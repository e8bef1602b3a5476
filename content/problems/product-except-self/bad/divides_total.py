def product_except_self(nums: list[int]) -> list[int]:
    total = 1
    for value in nums:
        total *= value
    return [total // value for value in nums]
