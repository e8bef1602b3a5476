def two_sum(nums: list[int], target: int) -> list[int]:
    seen = {}
    for j, value in enumerate(nums):
        seen[value] = j
        if target - value in seen:
            return sorted([seen[target - value], j])
    return []
