from collections import deque


def max_sliding_window(nums: list[int], k: int) -> list[int]:
    # Indices of candidates for the maximum, their values strictly decreasing from the front:
    # a value with a larger one after it can never be a window's maximum again.
    candidates: deque[int] = deque()
    result: list[int] = []
    for i, value in enumerate(nums):
        while candidates and nums[candidates[-1]] <= value:
            candidates.pop()
        candidates.append(i)
        if candidates[0] <= i - k:  # the front has slid out of the window [i - k + 1, i]
            candidates.popleft()
        if i >= k - 1:
            result.append(nums[candidates[0]])
    return result
