from collections.abc import MutableSequence


def _state(audited):
    return [list(audited), [list(entry) for entry in audited.log]]


def check_is_composed_not_inherited(solution):
    cls = solution.AuditedList
    assert not issubclass(cls, list), "AuditedList still inherits from list"
    assert issubclass(cls, MutableSequence), "AuditedList is not a MutableSequence"
    items = ["a", "b"]
    audited = cls(items)
    items.append("c")
    assert list(audited) == ["a", "b"], "AuditedList shares the list it was built from"
    assert audited.log == [], f"building from items logged {audited.log}"
    return [isinstance(audited, MutableSequence), isinstance(audited, list), list(audited)]


def check_every_addition_logged(solution):
    audited = solution.AuditedList([1])
    audited.append(2)
    audited.extend([3, 4])
    audited += [5]
    audited.extend(x * 10 for x in range(2))
    assert type(audited) is solution.AuditedList, "+= must return the AuditedList itself"
    expected_items = [1, 2, 3, 4, 5, 0, 10]
    assert list(audited) == expected_items, f"items are {list(audited)}"
    assert len(audited.log) == 6, (
        f"append, extend([3, 4]), += [5] and extend(two items) are 6 inserts; the log has "
        f"{len(audited.log)} entries: {audited.log}"
    )
    return _state(audited)


def check_changes_use_positive_indexes(solution):
    audited = solution.AuditedList(["a", "b", "c", "d"])
    audited[1] = "B"
    audited[-1] = "D"
    del audited[-2]
    audited.pop()
    audited.pop(0)
    audited.append("x")
    audited.remove("x")
    negative = [entry for entry in audited.log if entry[1] < 0]
    assert not negative, f"the log holds negative positions: {negative}"
    return _state(audited)


def check_insert_like_list(solution):
    results = []
    for index in (0, 1, -1, -2, 3, 99, -99):
        audited, plain = solution.AuditedList("abc"), list("abc")
        audited.insert(index, "X")
        plain.insert(index, "X")
        assert list(audited) == plain, f"insert({index}) gave {list(audited)}, a list gives {plain}"
        entry = list(audited.log[0]) if audited.log else None
        assert entry == ["insert", plain.index("X"), "X"], (
            f"insert({index}) on 3 items logged {entry}; the item landed at {plain.index('X')}"
        )
        results.append(entry)
    return results


def check_failures_leave_no_trace(solution):
    audited = solution.AuditedList([1, 2, 3])
    attempts = [
        ("a[3]", lambda: audited[3], IndexError),
        ("a[-4] = 0", lambda: audited.__setitem__(-4, 0), IndexError),
        ("del a[3]", lambda: audited.__delitem__(3), IndexError),
        ("a.remove(9)", lambda: audited.remove(9), ValueError),
        ("a[0:2] = []", lambda: audited.__setitem__(slice(0, 2), []), TypeError),
        ("del a[:]", lambda: audited.__delitem__(slice(None)), TypeError),
    ]
    raised = []
    for label, attempt, error in attempts:
        try:
            attempt()
        except error:
            raised.append(label)
        except Exception as exc:
            raise AssertionError(f"{label} raised {exc!r}, expected {error.__name__}") from None
        else:
            raise AssertionError(f"{label} succeeded; it should raise {error.__name__}")
        assert _state(audited) == [[1, 2, 3], []], f"after {label} the state is {_state(audited)}"
    empty = solution.AuditedList()
    try:
        empty.pop()
    except IndexError:
        raised.append("pop from empty")
    return raised


def check_inherited_methods(solution):
    audited = solution.AuditedList([3, 1, 3, 2])
    reads = [
        len(audited),
        audited[1:3],
        type(audited[1:3]).__name__,
        audited.count(3),
        audited.index(2),
        2 in audited,
        7 in audited,
        list(reversed(audited)),
    ]
    audited.reverse()
    after_reverse = _state(audited)
    audited.clear()
    return [reads, after_reverse, _state(audited)]
