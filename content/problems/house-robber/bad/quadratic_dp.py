def rob(nums: list[int]) -> int:
    best = [0] * len(nums)  # best[i]: best total whose last robbed house is i
    for i, value in enumerate(nums):
        best[i] = value + max(best[: max(i - 1, 0)], default=0)
    return max(best, default=0)
