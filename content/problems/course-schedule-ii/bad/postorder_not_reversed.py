def find_order(num_courses: int, prerequisites: list[list[int]]) -> list[int]:
    unlocks = [[] for _ in range(num_courses)]
    for course, before in prerequisites:
        unlocks[before].append(course)
    state = [0] * num_courses  # 0 new, 1 on the current path, 2 done
    order = []

    def visit(course: int) -> bool:
        state[course] = 1
        for nxt in unlocks[course]:
            if state[nxt] == 1:
                return False
            if state[nxt] == 0 and not visit(nxt):
                return False
        state[course] = 2
        order.append(course)
        return True

    for course in range(num_courses):
        if state[course] == 0 and not visit(course):
            return []
    return order
