def top_k_frequent(nums: list[int], k: int) -> list[int]:
    return sorted(set(nums), key=nums.count, reverse=True)[:k]
