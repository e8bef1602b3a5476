import os
import shutil
import sqlite3
import tempfile
import threading
import time

SCHEMA = """
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    balance INTEGER NOT NULL
);
INSERT INTO accounts (id, owner, balance) VALUES
    (1, 'ada', 10000),
    (2, 'grace', 2500),
    (3, 'edsger', 0);
"""
WRITES = ("BEGIN IMMEDIATE", "BEGIN EXCLUSIVE", "UPDATE", "INSERT", "DELETE", "REPLACE")


class Bank:
    """A file database in a fresh temporary directory, so that a second connection (another
    process, in production) can look at what the solution committed. The connections are in
    autocommit mode: transactions are whatever the solution opens."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="bank-")
        self.path = os.path.join(self.folder, "bank.db")
        self.connections = []
        self.connect().executescript(SCHEMA)
        self.statements = []
        self.conn = self.connect(check_same_thread=False)
        self.conn.set_trace_callback(self.trace)

    def trace(self, statement):
        """Keep the statements the solution ran (SQLite also reports trigger bodies, as
        comments, and some statements once per step)."""
        if not statement.startswith("--") and self.statements[-1:] != [statement]:
            self.statements.append(statement)

    def connect(self, **options):
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=5, **options)
        self.connections.append(conn)
        return conn

    def balances(self):
        """As another connection sees them: only what was committed."""
        rows = self.connect().execute("SELECT id, balance FROM accounts ORDER BY id")
        return {account: balance for account, balance in rows}

    def own_view(self):
        """As the solution's own connection sees them, uncommitted changes included."""
        rows = self.conn.execute("SELECT id, balance FROM accounts ORDER BY id")
        return {account: balance for account, balance in rows}

    def freeze(self, account):
        self.connect().execute(
            f"CREATE TRIGGER frozen_{account} BEFORE UPDATE OF balance ON accounts "
            f"WHEN NEW.id = {account} BEGIN SELECT RAISE(ABORT, 'account {account} is frozen'); END"
        )

    def close(self):
        for conn in self.connections:
            conn.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def plain(balances):
    """What a check returns: [[account, balance], ...] (results need str keys, not ints)."""
    return [[account, balance] for account, balance in sorted(balances.items())]


def left_clean(bank, what, before):
    """After a refused transfer: no open transaction and nothing changed, even as the
    solution's own connection sees it."""
    assert not bank.conn.in_transaction, (
        f"after {what} the connection was left inside an open transaction (statements: "
        f"{bank.statements}); it holds its locks until someone ends it: roll back before "
        "re-raising"
    )
    assert bank.own_view() == before, (
        f"after {what} the balances are {bank.own_view()}, they were {before}: a refused "
        "transfer must change nothing"
    )
    assert bank.balances() == before, (
        f"after {what} another connection sees the balances {bank.balances()}, they were "
        f"{before}: a partial transfer was committed"
    )


def refused(solution, bank, args, expected, what):
    """Run transfer(*args), which must raise `expected`; the exception it raised."""
    before = bank.balances()
    try:
        solution.transfer(bank.conn, *args)
    except expected as exc:
        left_clean(bank, what, before)
        return exc
    except Exception as exc:
        raise AssertionError(
            f"{what}: transfer{args} raised {type(exc).__name__}({exc}), expected "
            f"{expected.__name__}"
        ) from None
    raise AssertionError(
        f"{what}: transfer{args} returned normally, expected {expected.__name__}; the balances "
        f"went from {before} to {bank.balances()}"
    )


def check_moves_money(solution):
    with Bank() as bank:
        result = solution.transfer(bank.conn, 1, 2, 2500)
        assert result is None, f"transfer returned {result!r}, expected None"
        assert not bank.conn.in_transaction, (
            f"after a successful transfer the connection is still inside a transaction "
            f"(statements: {bank.statements}): commit it"
        )
        first = bank.balances()
        assert first == {1: 7500, 2: 5000, 3: 0}, (
            f"after moving 2500 from account 1 to 2, another connection sees {first}: was the "
            "transfer committed?"
        )
        solution.transfer(bank.conn, 2, 3, 5000)  # the whole balance may be moved
        return [plain(first), plain(bank.balances())]


def check_insufficient_funds(solution):
    with Bank() as bank:
        error = refused(
            solution, bank, (2, 1, 2501), solution.InsufficientFundsError, "an overdraft"
        )
        assert isinstance(error, solution.TransferError), (
            "InsufficientFundsError must be a TransferError"
        )
        refused(solution, bank, (3, 1, 1), solution.InsufficientFundsError, "an empty account")
        solution.transfer(bank.conn, 2, 1, 2500)
        return plain(bank.balances())


def check_unknown_account(solution):
    with Bank() as bank:
        for args, what in (
            ((1, 99, 100), "a transfer to an account that does not exist"),
            ((99, 1, 100), "a transfer from an account that does not exist"),
        ):
            error = refused(solution, bank, args, solution.AccountNotFoundError, what)
            assert isinstance(error, solution.TransferError), (
                "AccountNotFoundError must be a TransferError"
            )
        return plain(bank.balances())


def check_rejects_bad_amounts(solution):
    with Bank() as bank:
        for args, what in (
            ((1, 2, 0), "an amount of 0"),
            ((1, 2, -500), "a negative amount"),
            ((1, 1, 100), "a transfer from an account to itself"),
        ):
            refused(solution, bank, args, ValueError, what)
        return plain(bank.balances())


def check_rolls_back_on_failure(solution):
    """A trigger makes one of the two updates fail, whichever order the solution uses."""
    outcomes = []
    for frozen, args in ((2, (1, 2, 1000)), (1, (1, 2, 1000))):
        with Bank() as bank:
            bank.freeze(frozen)
            side = "receiving" if frozen == args[1] else "paying"
            error = refused(
                solution,
                bank,
                args,
                sqlite3.DatabaseError,
                f"a failed update (the {side} account {frozen} is frozen by a trigger)",
            )
            assert "frozen" in str(error), (
                f"the database's error was replaced by {type(error).__name__}({error}): let it "
                "propagate after rolling back"
            )
            outcomes.append(type(error).__name__)
            solution.transfer(bank.conn, 3 - frozen, 3, 500)  # the connection still works
            outcomes.append(plain(bank.balances()))
    return outcomes


def check_waits_for_concurrent_writer(solution):
    """Another connection is halfway through a withdrawal (write lock held, not committed)
    when the transfer starts. The transfer must wait for it and then see its result."""
    with Bank() as bank:
        other = bank.connect()
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE accounts SET balance = balance - 9000 WHERE id = 1")
        outcome = {}

        def run():
            try:
                outcome["returned"] = solution.transfer(bank.conn, 1, 2, 5000)
            except BaseException as exc:
                outcome["error"] = exc

        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        deadline = time.monotonic() + 5
        while worker.is_alive() and time.monotonic() < deadline:
            if any(s.lstrip().upper().startswith(WRITES) for s in list(bank.statements)):
                break  # the transfer is now at (or past) the point where it needs the lock
            time.sleep(0.01)
        try:
            other.execute("COMMIT")
        except sqlite3.OperationalError:
            other.execute("ROLLBACK")
            worker.join(6)
            raise AssertionError(
                "the other connection could not commit its withdrawal: the transfer kept a "
                f"read lock it never released (statements: {bank.statements})"
            ) from None
        worker.join(6)
        assert not worker.is_alive(), "the transfer was still running 6 s after the other commit"
        error = outcome.get("error")
        if isinstance(error, sqlite3.OperationalError):
            raise AssertionError(
                f"the transfer failed with OperationalError({error}) while another connection "
                "was writing. It read the balance first and then asked to write: SQLite does "
                "not let a reader upgrade to a writer while another connection holds the write "
                "lock (waiting could deadlock), so it fails at once. Take the write lock before "
                f"reading, with BEGIN IMMEDIATE (statements: {bank.statements})"
            )
        balances = bank.balances()
        assert isinstance(error, solution.InsufficientFundsError), (
            f"the account held 10000, another connection withdrew 9000 and committed, then "
            f"the transfer of 5000 {'raised ' + repr(error) if error else 'succeeded'}; the "
            f"balances are now {balances}. It acted on the balance it read before the other "
            "withdrawal committed (a lost update): it should have waited for the write lock, "
            "then seen 1000 and refused"
        )
        assert balances == {1: 1000, 2: 2500, 3: 0}, f"the balances ended as {balances}"
        return plain(balances)
