from collections import deque


def ladder_length(begin_word: str, end_word: str, word_list: list[str]) -> int:
    if end_word not in word_list:
        return 0

    def one_apart(a: str, b: str) -> bool:
        return sum(x != y for x, y in zip(a, b)) == 1

    queue = deque([(begin_word, 1)])
    seen = {begin_word}
    while queue:
        word, length = queue.popleft()
        if word == end_word:
            return length
        for candidate in word_list:
            if candidate not in seen and one_apart(word, candidate):
                seen.add(candidate)
                queue.append((candidate, length + 1))
    return 0
