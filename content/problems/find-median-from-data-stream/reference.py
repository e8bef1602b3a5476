import heapq


class MedianFinder:
    def __init__(self) -> None:
        self._low: list[int] = []  # the smaller half, negated: a max-heap
        self._high: list[int] = []  # the larger half: a min-heap
        # Invariant: len(_low) == len(_high) or len(_low) == len(_high) + 1.

    def add_num(self, num: int) -> None:
        # Pass the number through the lower half so the largest of it moves up, then
        # rebalance so the lower half is never the smaller one.
        heapq.heappush(self._high, -heapq.heappushpop(self._low, -num))
        if len(self._high) > len(self._low):
            heapq.heappush(self._low, -heapq.heappop(self._high))

    def find_median(self) -> float:
        if len(self._low) > len(self._high):
            return float(-self._low[0])
        return (-self._low[0] + self._high[0]) / 2
