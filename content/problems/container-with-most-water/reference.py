def max_area(height: list[int]) -> int:
    left, right = 0, len(height) - 1
    best = 0
    while left < right:
        # The shorter wall limits the area; moving it is the only move that can ever help.
        if height[left] < height[right]:
            best = max(best, height[left] * (right - left))
            left += 1
        else:
            best = max(best, height[right] * (right - left))
            right -= 1
    return best
