def generate(n, rng):
    """n piles of 1 to 10^9 bananas.

    The parity of n picks the hours, so a perf case can ask for either shape:
    even n -> h between n and 2n - 1 (tight: the answer is close to the largest pile);
    odd n  -> h between 10^8 and 10^9 (loose: the answer is a small speed).
    """
    piles = [rng.randint(1, 10**9) for _ in range(n)]
    h = n + rng.randrange(n) if n % 2 == 0 else rng.randint(10**8, 10**9)
    return {"piles": piles, "h": h}
