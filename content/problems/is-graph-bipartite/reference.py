from collections import deque


def is_bipartite(graph: list[list[int]]) -> bool:
    colour: list[int | None] = [None] * len(graph)
    for start in range(len(graph)):  # every component needs its own colouring
        if colour[start] is not None:
            continue
        colour[start] = 0
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for nxt in graph[node]:
                if colour[nxt] is None:
                    colour[nxt] = 1 - colour[node]
                    queue.append(nxt)
                elif colour[nxt] == colour[node]:
                    return False  # an edge inside one side: an odd cycle
    return True
