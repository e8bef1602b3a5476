def find_kth_largest(nums: list[int], k: int) -> int:
    return sorted(set(nums))[-k]
