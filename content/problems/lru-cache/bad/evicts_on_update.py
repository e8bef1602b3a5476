class LRUCache:
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.cache = {}  # dicts keep insertion order: the first key is the least recent

    def get(self, key: int) -> int:
        if key not in self.cache:
            return -1
        value = self.cache.pop(key)
        self.cache[key] = value
        return value

    def put(self, key: int, value: int) -> None:
        if len(self.cache) >= self.capacity:
            del self.cache[next(iter(self.cache))]
        self.cache.pop(key, None)
        self.cache[key] = value
