def generate(n, rng):
    """Two strings of n letters from a 4-letter alphabet, the second a mutated copy of the
    first (about a third of its letters replaced), so the answer is large but not n. The
    answer is a length, so it is unique."""
    text1 = "".join(rng.choice("acgt") for _ in range(n))
    text2 = "".join(rng.choice("acgt") if rng.random() < 0.33 else c for c in text1)
    return {"text1": text1, "text2": text2}
