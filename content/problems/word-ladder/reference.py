from collections import defaultdict, deque


def ladder_length(begin_word: str, end_word: str, word_list: list[str]) -> int:
    words = set(word_list)
    if end_word not in words:
        return 0
    # Words one change apart share a pattern with a wildcard at that position: "h*t" holds "hot"
    # and "hit". Bucketing by pattern finds all neighbours without comparing word pairs.
    buckets: defaultdict[str, list[str]] = defaultdict(list)
    for word in words:
        for i in range(len(word)):
            buckets[word[:i] + "*" + word[i + 1 :]].append(word)
    seen = {begin_word}
    queue = deque([(begin_word, 1)])
    while queue:
        word, length = queue.popleft()
        for i in range(len(word)):
            pattern = word[:i] + "*" + word[i + 1 :]
            for nxt in buckets.pop(pattern, ()):  # each bucket only needs to be opened once
                if nxt == end_word:
                    return length + 1
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append((nxt, length + 1))
    return 0
