import json
import threading
from typing import Any, Protocol

Product = dict[str, Any]


class Cache(Protocol):
    """The subset of a Redis client (created with decode_responses=True) that we use."""

    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str, ex: int | None = None) -> Any: ...
    def delete(self, *keys: str) -> int: ...


class Database(Protocol):
    def load(self, product_id: int) -> Product | None: ...
    def store(self, product_id: int, product: Product) -> None: ...


class ProductRepository:
    """Cache-aside: reads try the cache, then load from the database and fill the cache with
    a TTL; writes go to the database, then delete the cached copy.

    Concurrent misses on one key are collapsed into a single database load (single flight):
    the first caller loads while the others wait on that key's lock, then find the cache
    filled. Keys have separate locks, so a slow load never delays other products. The lock
    table grows with the number of distinct products read, which a catalogue bounds.
    """

    def __init__(self, cache: Cache, db: Database, ttl_seconds: int = 300) -> None:
        self._cache = cache
        self._db = db
        self._ttl = ttl_seconds
        self._locks: dict[int, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def get(self, product_id: int) -> Product | None:
        key = _key(product_id)
        cached = self._cache.get(key)
        if cached is not None:
            return _decode(cached)
        with self._lock_for(product_id):
            cached = self._cache.get(key)  # filled by whoever held the lock before us?
            if cached is not None:
                return _decode(cached)
            product = self._db.load(product_id)
            if product is not None:  # an absent product is not cached: it may be created soon
                self._cache.set(key, json.dumps(product), ex=self._ttl)
            return product

    def save(self, product_id: int, product: Product) -> None:
        # Write first, then invalidate: deleting before the write would let a concurrent
        # reader cache the old row again. Deleting (not setting) cannot race with another
        # writer into leaving the older of two values cached.
        self._db.store(product_id, product)
        self._cache.set(_key(product_id), json.dumps(product), ex=self._ttl)

    def _lock_for(self, product_id: int) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(product_id, threading.Lock())


def _key(product_id: int) -> str:
    return f"product:{product_id}"


def _decode(cached: str) -> Product:
    product: Product = json.loads(cached)
    return product
