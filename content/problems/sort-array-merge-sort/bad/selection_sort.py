def merge_sort(nums: list[int]) -> list[int]:
    out = list(nums)
    for i in range(len(out)):
        smallest = i
        for j in range(i + 1, len(out)):
            if out[j] < out[smallest]:
                smallest = j
        out[i], out[smallest] = out[smallest], out[i]
    return out
