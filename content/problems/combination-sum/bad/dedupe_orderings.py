def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    seen = set()

    def backtrack(remaining: int, path: list[int]) -> None:
        if remaining == 0:
            seen.add(tuple(sorted(path)))
            return
        for value in candidates:
            if value <= remaining:
                backtrack(remaining - value, path + [value])

    backtrack(target, [])
    return [list(combo) for combo in seen]
