from collections import deque


class MyQueue:
    def __init__(self):
        self.items = deque()

    def push(self, x: int) -> None:
        self.items.append(x)

    def pop(self) -> int:
        return self.items.popleft()

    def peek(self) -> int:
        return self.items[0]

    def empty(self) -> bool:
        return not self.items
