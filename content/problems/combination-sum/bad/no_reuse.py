def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    result = []

    def backtrack(start: int, remaining: int, path: list[int]) -> None:
        if remaining == 0:
            result.append(path)
            return
        for i in range(start, len(candidates)):
            if candidates[i] <= remaining:
                backtrack(i + 1, remaining - candidates[i], path + [candidates[i]])

    backtrack(0, target, [])
    return result
