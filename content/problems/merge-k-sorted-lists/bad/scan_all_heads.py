def merge_k_lists(lists: list[list[int]]) -> list[int]:
    positions = [0] * len(lists)
    result = []
    while True:
        best = None
        for i, values in enumerate(lists):
            if positions[i] < len(values):
                if best is None or values[positions[i]] < lists[best][positions[best]]:
                    best = i
        if best is None:
            return result
        result.append(lists[best][positions[best]])
        positions[best] += 1
