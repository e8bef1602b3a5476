class DatabaseError(Exception):
    pass


class FakeConnection:
    """Records every statement; fails (once each) on the statements listed in `fail_on`."""

    def __init__(self, *fail_on):
        self.statements = []
        self.fail_on = list(fail_on)

    def execute(self, sql):
        self.statements.append(sql)
        if sql in self.fail_on:
            self.fail_on.remove(sql)
            raise DatabaseError(f"{sql} failed")


class Boom(Exception):
    pass


def check_commits_on_success(solution):
    conn = FakeConnection()
    with solution.Transaction(conn) as bound:
        assert bound is conn, f"`with Transaction(conn) as c` bound c to {bound!r}, not conn"
        conn.execute("INSERT INTO orders VALUES (1)")
        conn.execute("INSERT INTO order_lines VALUES (1, 1)")
    return conn.statements


def check_rolls_back_and_reraises(solution):
    conn = FakeConnection()
    error = Boom("stock went negative")
    try:
        with solution.Transaction(conn):
            conn.execute("UPDATE stock SET qty = qty - 5")
            raise error
    except Boom as caught:
        assert caught is error, "a different exception came out of the block than was raised"
    else:
        raise AssertionError(
            "the block raised Boom but the with statement completed: the exception was swallowed "
            f"(statements: {conn.statements})"
        )
    return conn.statements


def check_rolls_back_on_base_exception(solution):
    conn = FakeConnection()
    try:
        with solution.Transaction(conn):
            conn.execute("DELETE FROM sessions")
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    else:
        raise AssertionError("KeyboardInterrupt was swallowed by the transaction")
    return conn.statements


def check_nested_uses_savepoints(solution):
    conn = FakeConnection()
    T = solution.Transaction
    with T(conn):
        conn.execute("INSERT a")
        with T(conn):
            conn.execute("INSERT b")
            with T(conn):
                conn.execute("INSERT c")
        try:
            with T(conn):
                conn.execute("INSERT d")
                raise Boom("d is invalid")
        except Boom:
            conn.execute("INSERT e")
        else:
            raise AssertionError("the nested transaction swallowed the exception of its block")
    assert conn.statements.count("BEGIN") == 1, (
        f"nested transactions must use savepoints, not BEGIN again; statements: {conn.statements}"
    )
    return conn.statements


def check_depth_resets_after_failure(solution):
    T = solution.Transaction
    conn = FakeConnection("BEGIN")
    try:
        with T(conn):
            raise AssertionError("the block ran although BEGIN failed")
    except DatabaseError:
        pass
    else:
        raise AssertionError("BEGIN failed but entering the transaction did not raise")
    for _ in range(2):
        try:
            with T(conn):  # noqa: SIM117 - nesting is the point
                with T(conn):
                    raise Boom("inner failure")
        except Boom:
            pass
    with T(conn):
        conn.execute("SELECT 1")
    assert conn.statements[:2] == ["BEGIN", "BEGIN"], (
        "a BEGIN that failed must leave the depth unchanged, so the next transaction starts "
        f"with BEGIN; the log was {conn.statements}"
    )
    assert conn.statements[-3:] == ["BEGIN", "SELECT 1", "COMMIT"], (
        "after earlier failures, a new top-level transaction must start with BEGIN and end with "
        f"COMMIT; the log was {conn.statements}"
    )
    return conn.statements


def check_connections_are_independent(solution):
    T = solution.Transaction
    orders, audit = FakeConnection(), FakeConnection()
    with T(orders):
        orders.execute("INSERT order")
        with T(audit):
            audit.execute("INSERT audit row")
        with T(orders):
            orders.execute("INSERT line")
    assert audit.statements[0] == "BEGIN", (
        "a transaction on a second connection, opened inside one on the first, must start with "
        f"BEGIN; the second connection saw {audit.statements}"
    )
    return [orders.statements, audit.statements]


def check_commit_failure_rolls_back(solution):
    T = solution.Transaction
    conn = FakeConnection("COMMIT")
    try:
        with T(conn):
            conn.execute("INSERT payment")
    except DatabaseError as exc:
        message = str(exc)
    else:
        raise AssertionError("COMMIT failed but leaving the block raised nothing")
    assert conn.statements[-1] == "ROLLBACK", (
        f"after a failed COMMIT the transaction must be rolled back; statements: {conn.statements}"
    )
    with T(conn):
        conn.execute("INSERT retry")
    return [message, conn.statements]
