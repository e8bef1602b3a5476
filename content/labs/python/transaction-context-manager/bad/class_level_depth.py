from types import TracebackType
from typing import Any


class Transaction:
    depth = 0  # how many transactions are open

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.level = 0

    def __enter__(self) -> Any:
        level = Transaction.depth
        self.conn.execute("BEGIN" if level == 0 else f"SAVEPOINT sp_{level}")
        self.level = level
        Transaction.depth = level + 1
        return self.conn

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        try:
            if exc_type is None:
                if self.level:
                    self.conn.execute(f"RELEASE SAVEPOINT sp_{self.level}")
                else:
                    try:
                        self.conn.execute("COMMIT")
                    except BaseException:
                        self.conn.execute("ROLLBACK")
                        raise
            elif self.level:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT sp_{self.level}")
            else:
                self.conn.execute("ROLLBACK")
        finally:
            Transaction.depth = self.level
        return False
