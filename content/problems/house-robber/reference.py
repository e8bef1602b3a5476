def rob(nums: list[int]) -> int:
    # skip: best total so far without taking the current house; take: best total taking it.
    skip, take = 0, 0
    for value in nums:
        skip, take = max(skip, take), skip + value
    return max(skip, take)
