def is_bipartite(graph: list[list[int]]) -> bool:
    colour = {}

    def paint(node: int, c: int) -> bool:
        colour[node] = c
        for nxt in graph[node]:
            if nxt in colour:
                if colour[nxt] == c:
                    return False
            else:
                return paint(nxt, 1 - c)
        return True

    for node in range(len(graph)):
        if node not in colour and not paint(node, 0):
            return False
    return True
