def network_delay_time(times: list[list[int]], n: int, k: int) -> int:
    """Return how long until a signal sent from node k reaches all n nodes, or -1 if it never
    does. [u, v, w] in times is a one-way wire from u to v that takes w time units."""
    raise NotImplementedError
