def permute(nums: list[int]) -> list[list[int]]:
    # insert each value at every position of every ordering so far, skipping repeats
    result = [[]]
    for value in nums:
        grown = []
        for order in result:
            for i in range(len(order) + 1):
                candidate = order[:i] + [value] + order[i:]
                if candidate not in grown:
                    grown.append(candidate)
        result = grown
    return result
