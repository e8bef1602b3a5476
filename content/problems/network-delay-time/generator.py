def generate(n, rng):
    """Nodes in a random order form a chain from k (weights 0-10), plus 2n edges pointing back
    along the chain and n short forward edges (weights 0-100), all shuffled. Back edges never
    help, so shortest paths stay at least n/5 edges deep. Odd n leaves the last node of the
    chain with no incoming edge at all, so the answer is -1."""
    order = list(range(1, n + 1))
    rng.shuffle(order)
    k = order[0]
    unreachable = order[-1] if n % 2 == 1 and n > 1 else None
    times = [[order[i], order[i + 1], rng.randint(0, 10)] for i in range(n - 1)]
    if n > 1:
        for _ in range(2 * n):
            i, j = sorted(rng.sample(range(n), 2))
            times.append([order[j], order[i], rng.randint(0, 100)])
        for _ in range(n):
            i = rng.randrange(n)
            j = i + rng.randint(2, 5)
            if j < n:
                times.append([order[i], order[j], rng.randint(0, 100)])
    times = [t for t in times if t[1] != unreachable]
    rng.shuffle(times)
    return {"times": times, "n": n, "k": k}
