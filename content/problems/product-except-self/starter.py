def product_except_self(nums: list[int]) -> list[int]:
    """Return answer with answer[i] = product of all nums except nums[i], without division."""
    raise NotImplementedError
