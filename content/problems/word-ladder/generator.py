def generate(n, rng):
    """n distinct 5-letter words grown from the begin word by changing one random letter of a
    random earlier word at a time, so every word is linked to the begin word. The alphabet grows
    with n (its first a letters, a^5 close to n / 0.3) so that about 30% of all possible words are
    listed at every size and each word has about 10 neighbours. The begin word itself is left out
    of the list. The end word is the listed word that differs from the begin word in the most
    positions, so a BFS explores much of the list. Odd n also removes every neighbour of the end
    word from the list, so it cannot be reached (answer 0) and that is only known once everything
    reachable has been explored."""
    letters = "abcdefghijklmnopqrstuvwxyz"[: max(2, round((n / 0.3) ** 0.2))]
    begin = "".join(rng.choice(letters) for _ in range(5))
    grown = [begin]
    seen = {begin}
    while len(grown) < n + 1:
        word = rng.choice(grown)
        i = rng.randrange(5)
        word = word[:i] + rng.choice(letters) + word[i + 1 :]
        if word not in seen:
            seen.add(word)
            grown.append(word)
    pool = grown[1:]
    end = max(pool, key=lambda w: (sum(a != b for a, b in zip(w, begin, strict=True)), w))
    if n % 2 == 1:
        neighbours = {
            end[:i] + ch + end[i + 1 :] for i in range(5) for ch in letters if ch != end[i]
        }
        pool = [w for w in pool if w not in neighbours]
    rng.shuffle(pool)
    return {"begin_word": begin, "end_word": end, "word_list": pool}
