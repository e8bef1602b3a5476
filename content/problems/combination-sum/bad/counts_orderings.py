def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    result = []

    def backtrack(remaining: int, path: list[int]) -> None:
        if remaining == 0:
            result.append(path)
            return
        for value in candidates:
            if value <= remaining:
                backtrack(remaining - value, path + [value])

    backtrack(target, [])
    return result
