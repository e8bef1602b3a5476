def group_anagrams(strs: list[str]) -> list[list[str]]:
    keys = []
    groups = []
    for word in strs:
        key = sorted(word)
        for i in range(len(keys)):
            if keys[i] == key:
                groups[i].append(word)
                break
        else:
            keys.append(key)
            groups.append([word])
    return groups
