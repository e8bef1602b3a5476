import string


def generate(n, rng):
    """About n / 2 distinct random base words (6 to 10 letters), each appearing as itself and
    as shuffled anagrams, in random order: many groups, most of size 1 to 3."""
    letters = string.ascii_lowercase
    bases = sorted(
        {"".join(rng.choices(letters, k=rng.randint(6, 10))) for _ in range(max(1, n // 2))}
    )
    words = list(bases)
    while len(words) < n:
        chars = list(rng.choice(bases))
        rng.shuffle(chars)
        words.append("".join(chars))
    rng.shuffle(words)
    return {"strs": words}
