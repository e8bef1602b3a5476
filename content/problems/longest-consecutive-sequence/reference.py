def longest_consecutive(nums: list[int]) -> int:
    values = set(nums)
    best = 0
    for start in values:
        if start - 1 in values:
            continue  # not the smallest value of its run; the run is counted from its start
        end = start + 1
        while end in values:
            end += 1
        best = max(best, end - start)
    return best
