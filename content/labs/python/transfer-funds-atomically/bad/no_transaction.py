import sqlite3


class TransferError(Exception):
    """A transfer the bank refuses; nothing was changed."""


class InsufficientFundsError(TransferError):
    pass


class AccountNotFoundError(TransferError):
    pass


def _balance(conn, account_id):
    row = conn.execute("SELECT balance FROM accounts WHERE id = ?", (account_id,)).fetchone()
    if row is None:
        raise AccountNotFoundError(f"no account {account_id}")
    return row[0]


def transfer(conn, from_id, to_id, amount):
    """Checks everything first, so the two updates "cannot fail"."""
    if amount <= 0:
        raise ValueError(f"amount must be positive, got {amount}")
    if from_id == to_id:
        raise ValueError("cannot transfer to the same account")
    balance = _balance(conn, from_id)
    _balance(conn, to_id)
    if balance < amount:
        raise InsufficientFundsError(f"account {from_id} holds {balance}")
    conn.execute("UPDATE accounts SET balance = ? WHERE id = ?", (balance - amount, from_id))
    conn.execute("UPDATE accounts SET balance = balance + ? WHERE id = ?", (amount, to_id))
