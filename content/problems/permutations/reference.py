def permute(nums: list[int]) -> list[list[int]]:
    result: list[list[int]] = []
    order: list[int] = []
    used = [False] * len(nums)

    def extend() -> None:
        if len(order) == len(nums):
            result.append(order.copy())  # a copy: order keeps changing after this
            return
        for i, value in enumerate(nums):
            if not used[i]:
                used[i] = True
                order.append(value)
                extend()
                order.pop()
                used[i] = False

    extend()
    return result
