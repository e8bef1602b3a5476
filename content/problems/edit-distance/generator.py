def generate(n, rng):
    """A word of n letters from a 6-letter alphabet and a copy with about n / 4 random edits
    (replace, delete or insert). The answer is a number, so it is unique."""
    word1 = [rng.choice("abcdef") for _ in range(n)]
    word2 = list(word1)
    for _ in range(n // 4):
        position = rng.randrange(len(word2) + 1)
        edit = rng.choice(("replace", "delete", "insert"))
        if edit == "insert" or position == len(word2):
            word2.insert(position, rng.choice("abcdef"))
        elif edit == "delete":
            del word2[position]
        else:
            word2[position] = rng.choice("abcdef")
    return {"word1": "".join(word1), "word2": "".join(word2[:n])}
