import weakref
from types import TracebackType
from typing import Any

#: connection -> how many transactions are open on it
_depths: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()


class Transaction:
    """BEGIN/COMMIT/ROLLBACK around a block; a nested block becomes a savepoint."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.depth = 0

    def __enter__(self) -> Any:
        depth = _depths.get(self.conn, 0)
        self.conn.execute("BEGIN" if depth == 0 else f"SAVEPOINT sp_{depth}")
        # Only once the statement worked is the transaction open.
        self.depth = depth
        _depths[self.conn] = depth + 1
        return self.conn

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        try:
            if exc_type is None:
                self._finish()
            else:
                self._undo()
        finally:
            _depths[self.conn] = self.depth
        return False  # never suppress the block's exception

    def _finish(self) -> None:
        if self.depth:
            self.conn.execute(f"RELEASE SAVEPOINT sp_{self.depth}")
            return
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def _undo(self) -> None:
        if self.depth:
            self.conn.execute(f"ROLLBACK TO SAVEPOINT sp_{self.depth}")
        else:
            self.conn.execute("ROLLBACK")
