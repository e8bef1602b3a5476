def generate(n, rng):
    """n // 2 random openers followed by their closers in reverse: valid and as deep as it gets.

    Maximum depth is the worst case for solutions that delete matched pairs one layer at a time.
    """
    closer = {"(": ")", "[": "]", "{": "}"}
    openers = [rng.choice("([{") for _ in range(n // 2)]
    return {"s": "".join(openers) + "".join(closer[c] for c in reversed(openers))}
