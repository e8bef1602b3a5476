def can_finish(num_courses: int, prerequisites: list[list[int]]) -> bool:
    taken = set()
    while len(taken) < num_courses:
        blocked = set()
        for course, before in prerequisites:
            if before not in taken:
                blocked.add(course)
        available = [c for c in range(num_courses) if c not in taken and c not in blocked]
        if not available:
            return False
        taken.update(available)
    return True
