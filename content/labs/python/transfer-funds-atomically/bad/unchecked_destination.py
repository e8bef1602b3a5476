import sqlite3


class TransferError(Exception):
    """A transfer the bank refuses; nothing was changed."""


class InsufficientFundsError(TransferError):
    pass


class AccountNotFoundError(TransferError):
    pass


def transfer(conn, from_id, to_id, amount):
    """Conditional updates: the debit only happens when the money is there."""
    if amount <= 0:
        raise ValueError(f"amount must be positive, got {amount}")
    if from_id == to_id:
        raise ValueError("cannot transfer to the same account")
    conn.execute("BEGIN IMMEDIATE")
    try:
        debited = conn.execute(
            "UPDATE accounts SET balance = balance - ? WHERE id = ? AND balance >= ?",
            (amount, from_id, amount),
        ).rowcount
        if debited == 0:
            exists = conn.execute("SELECT 1 FROM accounts WHERE id = ?", (from_id,)).fetchone()
            if exists is None:
                raise AccountNotFoundError(f"no account {from_id}")
            raise InsufficientFundsError(f"account {from_id} cannot pay {amount}")
        conn.execute("UPDATE accounts SET balance = balance + ? WHERE id = ?", (amount, to_id))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
