def find_kth_largest(nums: list[int], k: int) -> int:
    ordered = sorted(nums, reverse=True)
    return ordered[k]
