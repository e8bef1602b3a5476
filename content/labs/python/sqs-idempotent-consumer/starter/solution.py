from collections.abc import Callable
from typing import Any, Protocol


class IdempotencyStore(Protocol):
    def claim(self, key: str) -> bool:
        """Record `key`; True if this call recorded it, False if it was already there."""
        ...

    def release(self, key: str) -> None:
        """Forget `key`, so that the message can be processed again."""
        ...


def handle_batch(
    event: dict[str, Any],
    *,
    process: Callable[[Any], None],
    store: IdempotencyStore,
    sqs: Any,
    dlq_url: str,
    max_receives: int = 5,
) -> dict[str, list[dict[str, str]]]:
    """Process an SQS batch; return the partial batch response."""
    raise NotImplementedError
