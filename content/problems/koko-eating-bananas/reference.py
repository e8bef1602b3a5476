def min_eating_speed(piles: list[int], h: int) -> int:
    def hours_needed(speed: int) -> int:
        return sum((pile + speed - 1) // speed for pile in piles)  # ceil(pile / speed)

    # Speed max(piles) always works (one hour per pile, and h >= len(piles)); speed 1 is the
    # slowest there is. hours_needed only falls as the speed rises, so binary search the
    # smallest speed that fits.
    lo, hi = 1, max(piles)
    while lo < hi:
        mid = (lo + hi) // 2
        if hours_needed(mid) <= h:
            hi = mid
        else:
            lo = mid + 1
    return lo
