def generate(n, rng):
    """n operations on a cache of capacity n // 4: fill it, then an even mix of gets and puts
    over a key space a quarter larger than the capacity, so most calls touch a stored key and
    the puts of new keys keep evicting.

    A solution that keeps the recency order in a Python list pays a scan of up to n // 4 keys on
    almost every call.
    """
    capacity = max(1, n // 4)
    key_space = capacity + capacity // 4 + 1
    ops, args = ["LRUCache"], [[capacity]]
    for key in rng.sample(range(key_space), min(capacity, n - 1)):
        ops.append("put")
        args.append([key, rng.randint(0, 10**9)])
    while len(ops) < n:
        key = rng.randrange(key_space)
        if rng.random() < 0.5:
            ops.append("get")
            args.append([key])
        else:
            ops.append("put")
            args.append([key, rng.randint(0, 10**9)])
    return {"ops": ops, "args": args}
