from datetime import date, datetime, timedelta

D = date
DAY = timedelta(days=1)


def iso(dates):
    return [d.isoformat() for d in dates]


def check_iterates_half_open(solution):
    R = solution.DateRange
    ranges = [
        R(D(2024, 2, 26), D(2024, 3, 2)),  # across a leap day
        R(D(2024, 1, 1), D(2024, 1, 29), timedelta(days=7)),
        R(D(2024, 1, 1), D(2024, 1, 30), timedelta(days=7)),
        R(D(2024, 1, 1), D(2024, 1, 1)),
        R(D(2024, 1, 10), D(2024, 1, 1)),
        R(D(2023, 12, 31), D(2024, 1, 1)),
    ]
    result = [iso(r) for r in ranges]
    assert result[2][-1:] == ["2024-01-29"], (
        "DateRange(2024-01-01, 2024-01-30, 7 days) must end with 2024-01-29, which is before "
        f"stop even though a whole step would pass it; got {result[2]}"
    )
    return result


def check_reiterable(solution):
    r = solution.DateRange(D(2024, 3, 1), D(2024, 3, 5))
    first, second = iso(r), iso(r)
    assert first == second, f"looping twice over one range gave {first} and then {second}"
    pairs = [[a.isoformat(), b.isoformat()] for a, b in zip(r, r, strict=True)]
    assert all(a == b for a, b in pairs), (
        f"zip(r, r) should pair each date with itself, got {pairs}: the two iterators share state"
    )
    nested = sum(1 for _ in r for _ in r)
    assert nested == 16, f"a loop nested in a loop over a 4-day range ran {nested} times, not 16"
    iterator = iter(r)
    next(iterator)
    return [first, iso(iterator), iso(r)]


def check_length(solution):
    R = solution.DateRange
    return [
        len(R(D(2024, 1, 1), D(2024, 1, 8))),
        len(R(D(2024, 1, 1), D(2024, 1, 29), timedelta(days=7))),
        len(R(D(2024, 1, 1), D(2024, 1, 30), timedelta(days=7))),
        len(R(D(2024, 1, 1), D(2024, 1, 2), timedelta(days=30))),
        len(R(D(2024, 1, 1), D(2024, 1, 1))),
        len(R(D(2024, 5, 1), D(2024, 1, 1))),
        len(R(D(2023, 1, 1), D(2024, 1, 1))),
        len(R(D(2024, 1, 1), D(2025, 1, 1))),
    ]


def check_membership(solution):
    r = solution.DateRange(D(2024, 1, 1), D(2024, 2, 1), timedelta(days=3))
    probes = {
        "start": D(2024, 1, 1),
        "on the grid": D(2024, 1, 31),
        "off the grid": D(2024, 1, 2),
        "before start": D(2023, 12, 29),
        "the stop date": D(2024, 2, 1),
        "after stop, on the grid": D(2024, 2, 3),
        "a datetime at midnight": datetime(2024, 1, 4),
        "an ISO string": "2024-01-04",
        "None": None,
        "an int": 0,
    }
    return {label: value in r for label, value in probes.items()}


def check_indexing_and_reversed(solution):
    r = solution.DateRange(D(2024, 1, 1), D(2024, 1, 10), timedelta(days=4))
    result = {
        "r[0]": r[0].isoformat(),
        "r[2]": r[2].isoformat(),
        "r[-1]": r[-1].isoformat(),
        "r[-3]": r[-3].isoformat(),
        "reversed": iso(reversed(r)),
        "reversed twice": iso(reversed(r)),
    }
    for index in (3, -4, 100):
        try:
            value = r[index]
        except IndexError:
            result[f"r[{index}]"] = "IndexError"
        else:
            raise AssertionError(f"r[{index}] returned {value} for a 3-date range")
    empty = solution.DateRange(D(2024, 1, 1), D(2024, 1, 1))
    result["reversed empty"] = iso(reversed(empty))
    return result


def check_rejects_bad_steps(solution):
    outcome = {}
    for label, step in (
        ("zero", timedelta(0)),
        ("negative", timedelta(days=-1)),
        ("36 hours", timedelta(hours=36)),
        ("1 second", timedelta(seconds=1)),
    ):
        try:
            solution.DateRange(D(2024, 1, 1), D(2024, 2, 1), step)
        except ValueError:
            outcome[label] = "ValueError"
        else:
            raise AssertionError(f"a {label} step was accepted; it must raise ValueError")
    return outcome


def check_constant_time_on_huge_ranges(solution):
    r = solution.DateRange(D(1, 1, 1), D(9999, 12, 31))
    week = solution.DateRange(D(1, 1, 1), D(9999, 12, 31), timedelta(days=7))
    found = []
    for k in range(200):
        day = D(9999, 12, 30) - k * DAY
        found.append(day in r and (day in week) == ((day - D(1, 1, 1)).days % 7 == 0))
    lengths = {len(r) for _ in range(100)}
    last = [r[-k].isoformat() for k in range(1, 101)]
    tails = [next(reversed(week)).isoformat() for _ in range(100)]
    assert all(found), "membership near the end of a huge range gave wrong answers"
    return [sorted(lengths), last[:3], sorted(set(tails))]
