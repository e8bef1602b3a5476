import itertools

LIMIT = 10_000


class Counted:
    """An endless stream 0, 1, 2, ... that counts the items pulled from it."""

    def __init__(self):
        self.pulled = 0

    def __iter__(self):
        for n in itertools.count():
            if self.pulled >= LIMIT:
                raise AssertionError(
                    f"{LIMIT:,} items were pulled from an endless stream while the check waited "
                    "for the first few results: the input is being read ahead (into a list?) "
                    "instead of one item at a time"
                )
            self.pulled += 1
            yield n


def plain(results):
    return [list(r) for r in results]


def check_chunked_splits(solution):
    cases = [(range(7), 3), (range(6), 3), (range(3), 1), (range(4), 10), ([], 2), ("abcde", 2)]
    return [plain(solution.chunked(data, n)) for data, n in cases]


def check_sliding_window_slides(solution):
    cases = [(range(5), 3), (range(3), 1), (range(4), 4), (range(5), 6), ([], 1), ("abcd", 2)]
    for data, n in ((range(5), 6), ([], 1)):
        got = plain(solution.sliding_window(data, n))
        assert got == [], f"an input of {len(data)} items has no window of {n}, but got {got}"
    return [plain(solution.sliding_window(data, n)) for data, n in cases]


def check_rejects_bad_size_at_call(solution):
    outcomes = {}
    for name in ("chunked", "sliding_window"):
        for n in (0, -3):
            try:
                getattr(solution, name)([1, 2, 3], n)
            except ValueError:
                outcomes[f"{name}(..., {n})"] = "ValueError"
                continue
            raise AssertionError(
                f"{name}([1, 2, 3], {n}) returned without raising; the call itself must raise "
                "ValueError (remember that a generator function's body only runs at next())"
            )
    return outcomes


def check_accepts_one_shot_iterators(solution):
    def gen(k):
        yield from range(k)

    return [
        plain(solution.chunked(gen(5), 2)),
        plain(solution.sliding_window(gen(5), 2)),
        plain(solution.chunked(iter([10, 20, 30]), 2)),
        plain(solution.sliding_window(iter("xyz"), 3)),
        plain(solution.chunked({"a": 1, "b": 2, "c": 3}.keys(), 2)),
        plain(solution.sliding_window((x * x for x in range(4)), 2)),
    ]


def check_lazy_on_endless_input(solution):
    source = Counted()
    chunks = solution.chunked(source, 4)
    first_chunk = list(next(chunks))
    pulled_for_chunk = source.pulled
    source = Counted()
    windows = solution.sliding_window(source, 3)
    seen = []
    for _ in range(3):
        seen.append([list(next(windows)), source.pulled])
    assert pulled_for_chunk == 4, f"the first chunk of 4 pulled {pulled_for_chunk} items"
    assert [s[1] for s in seen] == [3, 4, 5], (
        "windows of 3 should be ready after 3, 4 and 5 items; they came after "
        f"{[s[1] for s in seen]} items"
    )
    return [first_chunk, seen]


def check_windows_are_independent_tuples(solution):
    windows = list(solution.sliding_window("abcde", 3))
    chunks = list(solution.chunked("abcde", 2))
    for label, results in (("sliding_window", windows), ("chunked", chunks)):
        kinds = sorted({type(r).__name__ for r in results})
        assert kinds == ["tuple"], f"{label} yielded {kinds}, expected tuples"
    return plain(windows)
