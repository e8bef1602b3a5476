class MinStack:
    """Each entry stores its value and the minimum of the stack up to and including it, so the
    minimum after any pop is already recorded in the new top entry."""

    def __init__(self) -> None:
        self._entries: list[tuple[int, int]] = []  # (value, minimum of this entry and below)

    def push(self, val: int) -> None:
        smallest = min(val, self._entries[-1][1]) if self._entries else val
        self._entries.append((val, smallest))

    def pop(self) -> None:
        self._entries.pop()

    def top(self) -> int:
        return self._entries[-1][0]

    def get_min(self) -> int:
        return self._entries[-1][1]
