def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    values = sorted(candidates)
    result: list[list[int]] = []
    chosen: list[int] = []

    def extend(start: int, remaining: int) -> None:
        if remaining == 0:
            result.append(chosen.copy())
            return
        # Only values from index start on: each combination is built in non-decreasing order,
        # so it is produced once and never again as a reordering.
        for i in range(start, len(values)):
            if values[i] > remaining:
                break  # sorted, so every later value is too large as well
            chosen.append(values[i])
            extend(i, remaining - values[i])  # i, not i + 1: the same value may be reused
            chosen.pop()

    extend(0, target)
    return result
