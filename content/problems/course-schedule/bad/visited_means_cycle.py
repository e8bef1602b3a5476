def can_finish(num_courses: int, prerequisites: list[list[int]]) -> bool:
    graph = {c: [] for c in range(num_courses)}
    for course, before in prerequisites:
        graph[before].append(course)
    visited = set()

    def dfs(course: int) -> bool:
        if course in visited:
            return False  # seen before: assume a cycle
        visited.add(course)
        return all(dfs(nxt) for nxt in graph[course])

    for course in range(num_courses):
        if course not in visited and not dfs(course):
            return False
    return True
