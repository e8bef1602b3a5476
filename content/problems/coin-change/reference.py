def coin_change(coins: list[int], amount: int) -> int:
    # fewest[a]: fewest coins that sum to a; amount + 1 stands for "impossible" (one more
    # coin than the worst real answer, which uses amount coins of value 1).
    impossible = amount + 1
    fewest = [0] + [impossible] * amount
    for coin in coins:
        for a in range(coin, amount + 1):
            candidate = fewest[a - coin] + 1
            if candidate < fewest[a]:
                fewest[a] = candidate
    return -1 if fewest[amount] == impossible else fewest[amount]
