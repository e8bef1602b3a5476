def find_order(num_courses: int, prerequisites: list[list[int]]) -> list[int]:
    order = []
    taken = set()
    while len(order) < num_courses:
        blocked = set()
        for course, before in prerequisites:
            if before not in taken:
                blocked.add(course)
        ready = [c for c in range(num_courses) if c not in taken and c not in blocked]
        if not ready:
            return []
        order.extend(ready)
        taken.update(ready)
    return order
