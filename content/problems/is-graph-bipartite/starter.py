def is_bipartite(graph: list[list[int]]) -> bool:
    """Return True if the nodes can be split into two sets with every edge between the sets.

    graph[u] lists the neighbours of node u; edges are undirected.
    """
    raise NotImplementedError
