import string

COMMON = string.ascii_lowercase[:24] + string.ascii_uppercase[:24]  # every letter but y, z, Y, Z


def generate(n, rng):
    """s: n random letters other than y/z/Y/Z, then one "z" near the end, one "y" n // 50 before
    it and one more "y" early on; t: "y", "z" and three random common letters.

    Every window must reach the single "z" near the end, so a window grown from each start
    position runs almost to the end: quadratic. The answer, about n // 50 long, starts at or
    shortly before the late "y".
    """
    chars = rng.choices(COMMON, k=n)
    z_at = n - 1 - rng.randrange(max(1, n // 100))
    chars[z_at] = "z"
    chars[max(0, z_at - max(2, n // 50))] = "y"
    chars[n // 10] = "y"
    t = ["y", "z", *rng.choices(COMMON, k=3)]
    rng.shuffle(t)
    return {"s": "".join(chars), "t": "".join(t)}
