import copy
import sys
import threading
import time
import traceback

HERD = 8


class Clock:
    def __init__(self):
        self.now = 1_000.0

    def __call__(self):
        return self.now


class FakeRedis:
    """get / set(ex=) / delete like redis-py with decode_responses=True; stores only strings.
    Time comes from `clock`, so a check can jump past a TTL without waiting. With `herd`,
    the first `herd` calls to get wait for each other, so that they all miss together."""

    def __init__(self, clock, log, herd=0):
        self.clock, self.log = clock, log
        self.data = {}
        self.herd = threading.Barrier(herd, timeout=2) if herd else None
        self.herd_left = herd
        self.guard = threading.Lock()

    def get(self, key):
        with self.guard:
            gather = self.herd_left > 0
            self.herd_left -= 1
            value = self.fresh(key)
        self.log.append(("get", key, "hit" if value is not None else "miss"))
        if gather:
            try:
                self.herd.wait()
            except threading.BrokenBarrierError:
                pass  # the solution serialises its reads: nobody else is coming
        return value

    def fresh(self, key):
        entry = self.data.get(key)
        if entry is None:
            return None
        value, expires = entry
        if expires is not None and self.clock() >= expires:
            del self.data[key]
            return None
        return value

    def set(self, key, value, ex=None):
        if not isinstance(value, (str, bytes)):
            raise TypeError(
                f"Invalid input of type: '{type(value).__name__}'. Convert to a bytes, string, "
                "int or float first."
            )
        with self.guard:
            self.data[key] = (value, None if ex is None else self.clock() + ex)
        self.log.append(("set", key, ex))
        return True

    def delete(self, *keys):
        with self.guard:
            removed = sum(self.data.pop(key, None) is not None for key in keys)
        self.log.extend(("delete", key) for key in keys)
        return removed


class SlowDatabase:
    """Counts loads; each load takes a moment, like a real query."""

    def __init__(self, log, rows=None, delay=0.0):
        self.log, self.delay = log, delay
        self.rows = copy.deepcopy(rows) if rows else {}
        self.loads = 0
        self.guard = threading.Lock()
        self.on_load = None

    def load(self, product_id):
        with self.guard:
            self.loads += 1
        self.log.append(("load", product_id))
        if self.on_load is not None:
            self.on_load(product_id)
        if self.delay:
            time.sleep(self.delay)
        row = self.rows.get(product_id)
        return copy.deepcopy(row)

    def store(self, product_id, product):
        self.log.append(("store", product_id))
        self.rows[product_id] = copy.deepcopy(product)


CATALOGUE = {
    1: {"name": "Espresso machine", "price": 34900, "tags": ["kitchen", "coffee"]},
    2: {"name": "Grinder", "price": 12900, "tags": ["coffee"]},
}


def setup(solution, ttl=None, herd=0, delay=0.0):
    clock, log = Clock(), []
    cache, db = FakeRedis(clock, log, herd), SlowDatabase(log, CATALOGUE, delay)
    if ttl is None:
        repo = solution.ProductRepository(cache, db)
    else:
        repo = solution.ProductRepository(cache, db, ttl_seconds=ttl)
    return repo, cache, db, clock, log


def describe(exc):
    where = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"]
    text = f"{type(exc).__name__}: {exc}"
    return f"{text} (solution.py line {where[-1].lineno}, in {where[-1].name})" if where else text


def check_read_through(solution):
    repo, cache, db, _, log = setup(solution)
    first = repo.get(1)
    assert first == CATALOGUE[1], f"get(1) returned {first!r}, expected {CATALOGUE[1]!r}"
    assert "product:1" in cache.data, (
        f"after a miss the cache holds {sorted(cache.data)}; the product should be cached under "
        "'product:1'"
    )
    first["price"] = 1  # the caller's copy is the caller's
    second = repo.get(1)
    assert db.loads == 1, f"two reads of product 1 loaded it from the database {db.loads} times"
    assert second == CATALOGUE[1], (
        f"the second get(1) returned {second!r}: a cached product must come back unchanged, "
        "even after the caller modified the dict it got the first time"
    )
    sets = [entry for entry in log if entry[0] == "set"]
    return [second, [entry[:2] for entry in sets]]


def check_missing_product(solution):
    repo, cache, db, _, _ = setup(solution)
    assert repo.get(404) is None, "get(404) for a product that does not exist must return None"
    assert not cache.data, f"a missing product was cached: {cache.data}"
    db.rows[404] = {"name": "Milk jug", "price": 1500, "tags": []}
    found = repo.get(404)
    assert found == db.rows[404], (
        f"product 404 was created after a first read found nothing; get(404) now returned {found!r}"
    )
    return found


def check_ttl_respected(solution):
    results = []
    for ttl in (None, 30):
        repo, cache, db, clock, log = setup(solution, ttl)
        expected = 300 if ttl is None else ttl
        repo.get(2)
        sets = [entry for entry in log if entry[0] == "set"]
        assert sets and sets[-1][2] == expected, (
            f"with ttl_seconds={expected} the product was cached with "
            f"{'ex=' + repr(sets[-1][2]) if sets else 'no set at all'}: pass ex={expected}, "
            "so that a copy that missed an invalidation is corrected after that long at most"
        )
        clock.now += expected - 1
        repo.get(2)
        assert db.loads == 1, (
            f"{expected - 1} s after caching (TTL {expected} s) it was loaded again"
        )
        clock.now += 1
        db.rows[2] = {**db.rows[2], "price": 9900}  # changed behind the cache's back
        late = repo.get(2)
        assert db.loads == 2, (
            f"{expected} s after caching (TTL {expected} s) the product was not reloaded"
        )
        results.append(late)
    return results


def check_write_invalidates(solution):
    repo, cache, db, _, log = setup(solution)
    repo.get(1)
    del log[:]
    updated = {**CATALOGUE[1], "price": 29900}
    repo.save(1, updated)
    assert db.rows[1] == updated, "save() did not store the product in the database"
    assert not any(entry[0] == "set" for entry in log), (
        f"save() wrote the new value into the cache ({log}). Invalidate instead (delete the "
        "key): two writers can update the database in one order and the cache in the other, "
        "leaving the older value cached until the TTL, while a delete can not go stale"
    )
    deletes = [i for i, entry in enumerate(log) if entry == ("delete", "product:1")]
    stored = log.index(("store", 1))
    assert deletes and deletes[-1] > stored, (
        f"save() did {log}: delete the cached copy after storing in the database. Deleting "
        "first leaves a window in which a reader misses, loads the old row and caches it again"
    )
    fresh = repo.get(1)
    assert fresh == updated, f"after save() get(1) returned {fresh!r}, expected {updated!r}"
    return fresh


def run_threads(targets, limit=5.0):
    """Start threads together; (results in order, errors, how many are still running)."""
    results, errors = [None] * len(targets), []

    def run(index, target):
        try:
            results[index] = target()
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=run, args=(i, t), daemon=True) for i, t in enumerate(targets)
    ]
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + limit
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
    finally:
        sys.setswitchinterval(previous)
    return results, errors, sum(thread.is_alive() for thread in threads)


def check_single_flight(solution):
    repo, cache, db, _, _ = setup(solution, herd=HERD, delay=0.05)
    results, errors, stuck = run_threads([lambda: repo.get(1)] * HERD)
    if errors:
        raise AssertionError(f"a concurrent get(1) failed: {describe(errors[0])}")
    assert not stuck, f"{stuck} of {HERD} concurrent get(1) calls were still blocked after 5 s"
    assert db.loads == 1, (
        f"{HERD} threads read product 1 at the same moment on a cold cache, and the database "
        f"was queried {db.loads} times. Under load, every miss on a hot key stampedes the "
        "database. Let one caller load while the others wait for it (a lock per key), and "
        "have each waiter look in the cache again once it gets the lock"
    )
    assert all(result == CATALOGUE[1] for result in results), f"results: {results}"
    return [db.loads, len(results)]


def check_keys_load_independently(solution):
    repo, cache, db, _, _ = setup(solution)
    second_started = threading.Event()
    overlapped = []

    def on_load(product_id):
        if product_id == 1:  # product 1 loads slowly: until product 2's load begins, or 2 s
            overlapped.append(second_started.wait(2.0))
        else:
            second_started.set()

    db.on_load = on_load
    first = threading.Thread(target=repo.get, args=(1,), daemon=True)
    first.start()
    deadline = time.monotonic() + 2.0
    while db.loads < 1 and time.monotonic() < deadline:
        time.sleep(0.005)
    other = repo.get(2)
    first.join(3.0)
    assert overlapped == [True], (
        "get(2) could not start its load while product 1 was loading: the single-flight lock "
        "is shared by all keys, so one slow product stalls the reads of every other product. "
        "Use one lock per key"
    )
    return other


def check_failed_load_releases(solution):
    repo, cache, db, _, _ = setup(solution)
    failures = [ConnectionError("database unavailable")]

    def on_load(product_id):
        if failures:
            raise failures.pop()

    db.on_load = on_load
    try:
        repo.get(1)
    except ConnectionError:
        pass
    else:
        raise AssertionError("the database raised ConnectionError, but get(1) did not propagate it")
    assert not cache.data, f"a failed load left something in the cache: {cache.data}"
    results, errors, stuck = run_threads([lambda: repo.get(1)], limit=2.0)
    assert not stuck, (
        "after one load raised, the next get(1) blocked for 2 s: the key's lock was never "
        "released. Hold it in a `with` block so that an exception releases it too"
    )
    if errors:
        raise AssertionError(f"the get(1) after a failed load raised {describe(errors[0])}")
    return results[0]
