def find_kth_largest(nums: list[int], k: int) -> int:
    remaining = list(nums)
    for _ in range(k - 1):
        remaining.remove(max(remaining))
    return max(remaining)
