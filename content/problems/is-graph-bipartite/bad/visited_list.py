def is_bipartite(graph: list[list[int]]) -> bool:
    colour = [0] * len(graph)
    visited = []
    for start in range(len(graph)):
        if start in visited:
            continue
        visited.append(start)
        stack = [start]
        while stack:
            node = stack.pop()
            for nxt in graph[node]:
                if nxt not in visited:
                    visited.append(nxt)
                    colour[nxt] = 1 - colour[node]
                    stack.append(nxt)
                elif colour[nxt] == colour[node]:
                    return False
    return True
