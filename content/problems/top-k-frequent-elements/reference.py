import heapq
from collections import Counter


def top_k_frequent(nums: list[int], k: int) -> list[int]:
    counts = Counter(nums)
    # The k keys with the highest counts, O(d log k) for d distinct values.
    return heapq.nlargest(k, counts, key=counts.__getitem__)
