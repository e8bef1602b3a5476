import sqlite3


class TransferError(Exception):
    """A transfer the bank refuses; nothing was changed."""


class InsufficientFundsError(TransferError):
    pass


class AccountNotFoundError(TransferError):
    pass


def transfer(conn: sqlite3.Connection, from_id: int, to_id: int, amount: int) -> None:
    """Move `amount` cents from one account to another: both balances change, or neither."""
    raise NotImplementedError
