def daily_temperatures(temperatures: list[int]) -> list[int]:
    answer = [0] * len(temperatures)
    stack = []
    for i, t in enumerate(temperatures):
        while stack and temperatures[stack[-1]] <= t:
            j = stack.pop()
            answer[j] = i - j
        stack.append(i)
    return answer
