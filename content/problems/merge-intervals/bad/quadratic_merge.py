def merge(intervals: list[list[int]]) -> list[list[int]]:
    result = []
    for start, end in intervals:
        kept = []
        for other in result:
            if other[0] <= end and start <= other[1]:
                start, end = min(start, other[0]), max(end, other[1])
            else:
                kept.append(other)
        kept.append([start, end])
        result = kept
    return sorted(result)
