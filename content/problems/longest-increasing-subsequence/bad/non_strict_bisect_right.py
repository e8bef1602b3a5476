from bisect import bisect_right


def length_of_lis(nums: list[int]) -> int:
    tails: list[int] = []
    for value in nums:
        k = bisect_right(tails, value)
        if k == len(tails):
            tails.append(value)
        else:
            tails[k] = value
    return len(tails)
