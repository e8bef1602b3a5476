from collections import deque


def is_bipartite(graph: list[list[int]]) -> bool:
    colour = {}
    for start in range(len(graph)):
        if start in colour:
            continue
        colour[start] = 0
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for nxt in graph[node]:
                if nxt not in colour:
                    colour[nxt] = 1 - colour[node]
                    queue.append(nxt)
    return all(colour[node] in (0, 1) for node in range(len(graph)))
