class MyQueue:
    """Pushes go on an inbox stack; pops come off an outbox stack. When the outbox runs dry the
    whole inbox is flipped onto it, which puts the oldest value on top. Each value is moved at
    most once, so every operation is amortized O(1)."""

    def __init__(self) -> None:
        self._inbox: list[int] = []
        self._outbox: list[int] = []  # oldest value at the end

    def push(self, x: int) -> None:
        self._inbox.append(x)

    def pop(self) -> int:
        self._refill()
        return self._outbox.pop()

    def peek(self) -> int:
        self._refill()
        return self._outbox[-1]

    def empty(self) -> bool:
        return not self._inbox and not self._outbox

    def _refill(self) -> None:
        if not self._outbox:  # only when empty: otherwise newer values would jump the line
            while self._inbox:
                self._outbox.append(self._inbox.pop())
