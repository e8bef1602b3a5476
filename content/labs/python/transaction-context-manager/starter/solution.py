class Transaction:
    """BEGIN/COMMIT/ROLLBACK around a block; a nested block becomes a savepoint."""

    def __init__(self, conn) -> None:
        raise NotImplementedError

    def __enter__(self):
        raise NotImplementedError

    def __exit__(self, exc_type, exc, tb):
        raise NotImplementedError
