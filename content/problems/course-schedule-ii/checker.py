def check(input, expected, actual):
    """Any order that lists every course once and puts each prerequisite first is correct; when
    no such order exists (the reference returned []), the answer must be []."""
    n = input["num_courses"]
    pairs = input["prerequisites"]
    if not isinstance(actual, list) or any(type(c) is not int for c in actual):
        return "the answer must be a list of course numbers"
    if expected == []:
        if actual == []:
            return True
        return "the prerequisites contain a cycle, so no order exists and the answer is []"
    if sorted(actual) != list(range(n)):
        return f"the order must list each of the {n} courses exactly once"
    position = {course: i for i, course in enumerate(actual)}
    for course, before in pairs:
        if position[before] > position[course]:
            return f"course {course} is placed before its prerequisite {before}"
    return True
