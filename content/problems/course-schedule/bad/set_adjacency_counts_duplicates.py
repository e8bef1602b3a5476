from collections import defaultdict, deque


def can_finish(num_courses: int, prerequisites: list[list[int]]) -> bool:
    unlocks = defaultdict(set)
    indegree = [0] * num_courses
    for course, before in prerequisites:
        unlocks[before].add(course)
        indegree[course] += 1
    queue = deque(c for c in range(num_courses) if indegree[c] == 0)
    done = 0
    while queue:
        course = queue.popleft()
        done += 1
        for nxt in unlocks[course]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                queue.append(nxt)
    return done == num_courses
