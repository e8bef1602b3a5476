def generate(n, rng):
    """A dictionary of 200 distinct words over the letters a and b (2 to 8 letters long, so
    many words overlap and s splits in many ways), and s: dictionary words joined until n
    letters, its last letter replaced by "c" half of the time. A "c" appears in no word, so
    that s cannot be split; a plain backtracking search then tries every split of the rest."""
    words: set[str] = set()
    while len(words) < 200:
        size = rng.randint(2, 8)
        words.add("".join(rng.choice("ab") for _ in range(size)))
    word_dict = sorted(words)
    pieces: list[str] = []
    length = 0
    while length < n:
        word = rng.choice(word_dict)
        pieces.append(word)
        length += len(word)
    s = "".join(pieces)
    if rng.random() < 0.5:
        s = s[:-1] + "c"
    rng.shuffle(word_dict)
    return {"s": s, "word_dict": word_dict}
