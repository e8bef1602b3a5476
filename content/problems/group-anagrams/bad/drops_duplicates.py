from collections import defaultdict


def group_anagrams(strs: list[str]) -> list[list[str]]:
    groups = defaultdict(set)
    for word in strs:
        groups["".join(sorted(word))].add(word)
    return [list(group) for group in groups.values()]
