def can_finish(num_courses: int, prerequisites: list[list[int]]) -> bool:
    graph = [[] for _ in range(num_courses)]
    for course, before in prerequisites:
        graph[before].append(course)
    on_path = set()

    def has_cycle(course: int) -> bool:
        if course in on_path:
            return True
        on_path.add(course)
        for nxt in graph[course]:
            if has_cycle(nxt):
                return True
        on_path.remove(course)
        return False

    return not any(has_cycle(c) for c in range(num_courses))
