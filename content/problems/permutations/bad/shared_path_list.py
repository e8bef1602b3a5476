def permute(nums: list[int]) -> list[list[int]]:
    result = []
    path = []

    def backtrack() -> None:
        if len(path) == len(nums):
            result.append(path)
            return
        for value in nums:
            if value not in path:
                path.append(value)
                backtrack()
                path.pop()

    backtrack()
    return result
