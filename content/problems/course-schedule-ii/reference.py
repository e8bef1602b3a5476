from collections import deque


def find_order(num_courses: int, prerequisites: list[list[int]]) -> list[int]:
    # Kahn's algorithm: a course joins the order once all of its prerequisites have.
    unlocks: list[list[int]] = [[] for _ in range(num_courses)]
    missing = [0] * num_courses
    for course, before in prerequisites:
        unlocks[before].append(course)
        missing[course] += 1
    ready = deque(c for c in range(num_courses) if missing[c] == 0)
    order: list[int] = []
    while ready:
        course = ready.popleft()
        order.append(course)
        for nxt in unlocks[course]:
            missing[nxt] -= 1
            if missing[nxt] == 0:
                ready.append(nxt)
    # Courses on or behind a cycle never become ready.
    return order if len(order) == num_courses else []
