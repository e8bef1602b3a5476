def generate(n, rng):
    """n calls in bursts: runs of pushes, then runs of pops and peeks, with empty checks mixed in
    (pop and peek only while the queue is non-empty). Pushes outnumber pops, so the queue holds
    tens of thousands of values and a solution that moves the whole queue on each push or pop
    does O(n^2) work."""
    ops, args = ["MyQueue"], [[]]
    size = 0
    while len(ops) < n:
        for _ in range(rng.randint(1, 60)):
            ops.append("push")
            args.append([rng.randint(-10**9, 10**9)])
            size += 1
        for _ in range(rng.randint(0, 35)):
            if size == 0:
                break
            r = rng.random()
            if r < 0.7:
                ops.append("pop")
                size -= 1
            elif r < 0.9:
                ops.append("peek")
            else:
                ops.append("empty")
            args.append([])
    return {"ops": ops[:n], "args": args[:n]}
