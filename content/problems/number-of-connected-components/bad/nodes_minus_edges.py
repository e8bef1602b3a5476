def count_components(n: int, edges: list[list[int]]) -> int:
    # every edge joins two components into one
    return n - len(edges)
