from bisect import bisect_left


def length_of_lis(nums: list[int]) -> int:
    # tails[k]: the smallest value that can end a strictly increasing subsequence of length
    # k + 1. It stays sorted, so each number either extends it or replaces the first tail that
    # is >= the number (bisect_left: an equal value must not extend, the order is strict).
    tails: list[int] = []
    for value in nums:
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
        else:
            tails[k] = value
    return len(tails)
