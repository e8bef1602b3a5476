import heapq


class MedianFinder:
    def __init__(self):
        self.low = []  # negated max-heap
        self.high = []

    def add_num(self, num: int) -> None:
        if not self.low or num <= -self.low[0]:
            heapq.heappush(self.low, -num)
        else:
            heapq.heappush(self.high, num)

    def find_median(self) -> float:
        if len(self.low) > len(self.high):
            return float(-self.low[0])
        if len(self.high) > len(self.low):
            return float(self.high[0])
        return (-self.low[0] + self.high[0]) / 2
