import sqlite3


class TransferError(Exception):
    """A transfer the bank refuses; nothing was changed."""


class InsufficientFundsError(TransferError):
    pass


class AccountNotFoundError(TransferError):
    pass


def transfer(conn: sqlite3.Connection, from_id: int, to_id: int, amount: int) -> None:
    """Move `amount` cents from one account to another: both balances change, or neither.

    `conn` is in autocommit mode (isolation_level=None), so the transaction is ours to open
    and to end. BEGIN IMMEDIATE takes SQLite's write lock before the balance is read: a
    transfer that read first and wrote later would hold a read lock that SQLite cannot
    upgrade while another connection writes, and it would fail with "database is locked"
    instead of waiting its turn.
    """
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ValueError(f"amount must be a positive number of cents, got {amount!r}")
    if from_id == to_id:
        raise ValueError(f"cannot transfer from account {from_id} to itself")
    conn.execute("BEGIN IMMEDIATE")
    try:
        balance = _balance(conn, from_id)
        _balance(conn, to_id)
        if balance < amount:
            raise InsufficientFundsError(
                f"account {from_id} holds {balance} cents, {amount} requested"
            )
        conn.execute("UPDATE accounts SET balance = balance - ? WHERE id = ?", (amount, from_id))
        conn.execute("UPDATE accounts SET balance = balance + ? WHERE id = ?", (amount, to_id))
        conn.execute("COMMIT")
    except BaseException:
        # Whatever failed (our own check, a constraint, a trigger, even KeyboardInterrupt),
        # undo the half that may have run; a failed COMMIT leaves the transaction open too.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _balance(conn: sqlite3.Connection, account_id: int) -> int:
    row = conn.execute("SELECT balance FROM accounts WHERE id = ?", (account_id,)).fetchone()
    if row is None:
        raise AccountNotFoundError(f"no account {account_id}")
    balance: int = row[0]
    return balance
