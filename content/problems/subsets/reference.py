def subsets(nums: list[int]) -> list[list[int]]:
    result: list[list[int]] = []
    chosen: list[int] = []

    def explore(index: int) -> None:
        if index == len(nums):
            result.append(chosen.copy())  # a copy: chosen keeps changing after this
            return
        explore(index + 1)  # leave nums[index] out
        chosen.append(nums[index])  # put it in
        explore(index + 1)
        chosen.pop()

    explore(0)
    return result
