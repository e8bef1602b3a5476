def product_except_self(nums: list[int]) -> list[int]:
    product = 1
    for value in nums:
        if value != 0:
            product *= value
    return [product // value if value != 0 else product for value in nums]
