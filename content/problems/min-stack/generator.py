def generate(n, rng):
    """n calls: mostly pushes of random values, with get_min, top and pop mixed in (pop, top and
    get_min only while the stack is non-empty). The stack grows to about 0.3 * n values, and about
    30% of the calls are get_min, so a get_min that scans the stack is O(n^2) overall."""
    ops, args = ["MinStack"], [[]]
    size = 0
    while len(ops) < n:
        r = rng.random()
        if size == 0 or r < 0.45:
            ops.append("push")
            args.append([rng.randint(-10**9, 10**9)])
            size += 1
        elif r < 0.60:
            ops.append("pop")
            args.append([])
            size -= 1
        elif r < 0.90:
            ops.append("get_min")
            args.append([])
        else:
            ops.append("top")
            args.append([])
    return {"ops": ops, "args": args}
