from collections import deque


def is_bipartite(graph: list[list[int]]) -> bool:
    if not graph:
        return True
    colour = {0: 0}
    queue = deque([0])
    while queue:
        node = queue.popleft()
        for nxt in graph[node]:
            if nxt not in colour:
                colour[nxt] = 1 - colour[node]
                queue.append(nxt)
            elif colour[nxt] == colour[node]:
                return False
    return True
