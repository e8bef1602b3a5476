def coin_change(coins: list[int], amount: int) -> int:
    def fewest(remaining: int) -> float:
        if remaining == 0:
            return 0
        best = float("inf")
        for coin in coins:
            if coin <= remaining:
                best = min(best, fewest(remaining - coin) + 1)
        return best

    result = fewest(amount)
    return -1 if result == float("inf") else int(result)
