def find_kth_largest(nums: list[int], k: int) -> int:
    items = list(nums)
    target = len(items) - k  # index of the answer in ascending order
    lo, hi = 0, len(items) - 1
    while True:
        pivot = items[hi]
        store = lo
        for i in range(lo, hi):
            if items[i] < pivot:
                items[i], items[store] = items[store], items[i]
                store += 1
        items[store], items[hi] = items[hi], items[store]
        if store == target:
            return items[store]
        if store < target:
            lo = store + 1
        else:
            hi = store - 1
