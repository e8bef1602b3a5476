def min_eating_speed(piles: list[int], h: int) -> int:
    lo, hi = 0, max(piles)
    while lo < hi:
        mid = (lo + hi) // 2
        if sum((pile + mid - 1) // mid for pile in piles) <= h:
            hi = mid
        else:
            lo = mid + 1
    return lo
