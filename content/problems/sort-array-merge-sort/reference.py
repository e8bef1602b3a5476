def merge_sort(nums: list[int]) -> list[int]:
    if len(nums) <= 1:
        return list(nums)
    mid = len(nums) // 2
    return _merge(merge_sort(nums[:mid]), merge_sort(nums[mid:]))


def _merge(left: list[int], right: list[int]) -> list[int]:
    merged: list[int] = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:  # <= keeps equal values in their original order (stable)
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    merged.extend(left[i:])  # at most one of these two is non-empty
    merged.extend(right[j:])
    return merged
