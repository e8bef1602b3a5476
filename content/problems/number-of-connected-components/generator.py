def generate(n, rng):
    """Half of the n nodes (in random order) form one big component: a star around one centre
    when n is even, a single long path when n is odd (a recursive DFS goes n/2 calls deep). The
    other half falls into small groups of 1 to 10 nodes, each a random tree plus a few extra
    edges that close cycles or repeat an edge. All edges are shuffled, with random orientation."""
    nodes = list(range(n))
    rng.shuffle(nodes)
    big, rest = nodes[: n // 2], nodes[n // 2 :]
    edges = []
    if n % 2 == 0:
        edges += [[big[0], x] for x in big[1:]]
    else:
        edges += [[big[i], big[i + 1]] for i in range(len(big) - 1)]
    i = 0
    while i < len(rest):
        size = rng.randint(1, 10)
        group = rest[i : i + size]
        i += size
        for j in range(1, len(group)):
            edges.append([group[j], group[rng.randrange(j)]])
        for _ in range(rng.randint(0, 2) if len(group) > 1 else 0):
            edges.append(rng.sample(group, 2))
    for edge in edges:
        if rng.random() < 0.5:
            edge.reverse()
    rng.shuffle(edges)
    return {"n": n, "edges": edges}
