def generate(n, rng):
    """Half of the nodes (random labels) form one big component: a path, plus n extra edges
    between path positions of different parity, so it stays bipartite and a recursive DFS goes
    deep. The other nodes fall into small trees of 1 to 10 nodes, some with an extra edge that
    closes an even cycle. Odd n (at least 7) instead makes the three highest-numbered nodes a
    separate triangle: the answer is false, and a search that takes the nodes in order has
    coloured everything else before it meets the triangle. Neighbour lists are shuffled."""
    triangle = n % 2 == 1 and n >= 7
    nodes = list(range(n - 3 if triangle else n))
    rng.shuffle(nodes)
    half = len(nodes) // 2
    big, rest = nodes[:half], nodes[half:]
    adjacency = [set() for _ in range(n)]

    def join(a, b):
        adjacency[a].add(b)
        adjacency[b].add(a)

    for i in range(len(big) - 1):
        join(big[i], big[i + 1])
    if len(big) > 3:
        for _ in range(n):
            i = rng.randrange(len(big))
            j = rng.randrange(len(big) // 2) * 2 + (1 - i % 2)  # the opposite parity
            if j < len(big) and j != i:
                join(big[i], big[j])
    i = 0
    while i < len(rest):
        group = rest[i : i + rng.randint(1, 10)]
        i += len(group)
        depth = {group[0]: 0}
        for j in range(1, len(group)):
            parent = group[rng.randrange(j)]
            join(group[j], parent)
            depth[group[j]] = depth[parent] + 1
        if len(group) >= 4 and rng.random() < 0.5:
            a, b = rng.sample(group, 2)
            if depth[a] % 2 != depth[b] % 2:
                join(a, b)  # closes an even cycle
    if triangle:
        join(n - 3, n - 2)
        join(n - 2, n - 1)
        join(n - 1, n - 3)
    graph = []
    for neighbours in adjacency:
        row = list(neighbours)
        rng.shuffle(row)
        graph.append(row)
    return {"graph": graph}
