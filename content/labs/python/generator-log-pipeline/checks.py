import io
import itertools

LIMIT = 10_000


class Source:
    """An endless stream of log lines that counts how many were pulled.

    Reading more than LIMIT lines means a stage is not lazy: it fails the check instead of
    running until memory runs out.
    """

    def __init__(self, pattern):
        self.pattern = pattern
        self.pulled = 0

    def __iter__(self):
        for n in itertools.count():
            if self.pulled >= LIMIT:
                raise AssertionError(
                    f"{LIMIT:,} lines were pulled from an endless stream of valid log lines "
                    "while the check waited for its first few results: a stage reads ahead "
                    "instead of one item at a time (or drops lines it should keep)"
                )
            self.pulled += 1
            level = self.pattern[n % len(self.pattern)]
            yield f"2024-05-01T12:{n // 60 % 60:02d}:{n % 60:02d}Z {level} api request {n} served\n"


def rows(records):
    return [list(record) for record in records]


def check_parses_fields(solution):
    lines = [
        "2024-05-01T12:00:01Z INFO auth user 7 logged in",
        "2024-05-01T12:00:02Z WARNING billing   retrying   charge  ",
        "2024-05-01T12:00:03Z ERROR billing card declined",
        "2024-05-01T12:00:04Z DEBUG cache miss",
    ]
    records = list(solution.parse(lines))
    assert all(isinstance(r, solution.Record) for r in records), "parse must yield Record tuples"
    assert len(records) == 4, (
        f"4 well-formed lines (messages contain spaces) gave {len(records)} records: "
        f"{[list(r) for r in records]}"
    )
    return rows(records)


def check_skips_malformed(solution):
    lines = [
        "",
        "   \n",
        "2024-05-01T12:00:01Z INFO auth\n",
        "2024-05-01T12:00:02Z TRACE auth token checked\n",
        "2024-05-01T12:00:03Z ERROR db connection reset\n",
        "garbage\n",
        "2024-05-01T12:00:04Z info auth lowercase level is not a level\n",
        "2024-05-01T12:00:05Z WARNING db slow query: 2.3 s\n",
    ]
    return rows(solution.parse(lines))


def check_filters_by_level(solution):
    records = [
        solution.Record(f"t{i}", level, "svc", f"m{i}")
        for i, level in enumerate(["ERROR", "DEBUG", "WARNING", "INFO", "ERROR", "WARNING"])
    ]
    return {level: rows(solution.at_least(records, level)) for level in solution.LEVELS}


def check_batches_sizes(solution):
    record = solution.Record("t", "INFO", "svc", "m")
    sizes = {}
    for n, size in ((7, 3), (6, 3), (0, 3), (2, 5), (4, 1)):
        batches = list(solution.batched([record] * n, size))
        assert all(isinstance(b, list) for b in batches), "batched must yield lists"
        sizes[f"{n} records in batches of {size}"] = [len(b) for b in batches]
    return sizes


def check_parse_is_lazy(solution):
    source = Source(["INFO"])
    records = solution.parse(source)
    first = next(records)
    after_first = source.pulled
    more = list(itertools.islice(records, 4))
    assert after_first == 1, f"the first record needed 1 line, but parse pulled {after_first}"
    assert source.pulled == 5, f"5 records needed 5 lines, but parse pulled {source.pulled}"
    return rows([first, *more])


def check_pipeline_pulls_only_what_it_needs(solution):
    source = Source(["INFO", "DEBUG", "ERROR"])
    batches = solution.pipeline(source, "ERROR", 2)
    pulled = []
    result = []
    for _ in range(3):
        batch = next(batches)
        pulled.append(source.pulled)
        result.append([r.message for r in batch])
    assert pulled == [6, 12, 18], (
        "every third line is an ERROR and batches hold 2, so batches should be ready after "
        f"lines 6, 12 and 18; they came after {pulled} lines"
    )
    return result


def check_pipeline_on_a_file(solution):
    text = (
        "2024-05-01T12:00:01Z INFO auth login ok\n"
        "2024-05-01T12:00:02Z ERROR db deadlock detected\n"
        "\n"
        "2024-05-01T12:00:03Z WARNING api slow response\n"
        "2024-05-01T12:00:04Z ERROR api upstream 502\n"
        "2024-05-01T12:00:05Z WARNING db replica lag 4 s\n"
    )
    return [rows(batch) for batch in solution.pipeline(io.StringIO(text), "WARNING", 2)]
