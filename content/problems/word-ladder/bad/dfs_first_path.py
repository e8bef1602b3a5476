def ladder_length(begin_word: str, end_word: str, word_list: list[str]) -> int:
    words = set(word_list)
    if end_word not in words:
        return 0
    seen = {begin_word}

    def dfs(word: str, length: int) -> int:
        if word == end_word:
            return length
        for i in range(len(word)):
            for ch in "abcdefghijklmnopqrstuvwxyz":
                nxt = word[:i] + ch + word[i + 1 :]
                if nxt in words and nxt not in seen:
                    seen.add(nxt)
                    found = dfs(nxt, length + 1)
                    if found:
                        return found
        return 0

    return dfs(begin_word, 1)
