"""An idempotent SQS consumer for Lambda with partial batch responses and an explicit DLQ."""

import json
from collections.abc import Callable
from typing import Any, Protocol


class IdempotencyStore(Protocol):
    def claim(self, key: str) -> bool: ...

    def release(self, key: str) -> None: ...


def handle_batch(
    event: dict[str, Any],
    *,
    process: Callable[[Any], None],
    store: IdempotencyStore,
    sqs: Any,
    dlq_url: str,
    max_receives: int = 5,
) -> dict[str, list[dict[str, str]]]:
    failures: list[dict[str, str]] = []
    blocked = False  # FIFO: once one message fails, the rest of its batch must wait
    for record in event["Records"]:
        message_id: str = record["messageId"]
        fifo = record["eventSourceARN"].endswith(".fifo")
        if blocked or not _handle(record, process, store, sqs, dlq_url, max_receives):
            failures.append({"itemIdentifier": message_id})
            blocked = blocked or fifo
    return {"batchItemFailures": failures}


def _handle(
    record: dict[str, Any],
    process: Callable[[Any], None],
    store: IdempotencyStore,
    sqs: Any,
    dlq_url: str,
    max_receives: int,
) -> bool:
    """True when the message can be deleted from the queue."""
    message_id = record["messageId"]
    # Attribute values in the event are strings: "10" > "5" is False.
    if int(record["attributes"]["ApproximateReceiveCount"]) > max_receives:
        return _dead_letter(record, sqs, dlq_url)
    try:
        payload = json.loads(record["body"])
    except json.JSONDecodeError:
        return _dead_letter(record, sqs, dlq_url)  # retrying cannot fix a malformed body
    if not store.claim(message_id):
        return True  # a redelivery of a message that was already processed
    try:
        process(payload)
    except Exception:
        store.release(message_id)  # let the redelivery run it again
        raise
    return True


def _dead_letter(record: dict[str, Any], sqs: Any, dlq_url: str) -> bool:
    params: dict[str, Any] = {
        "QueueUrl": dlq_url,
        "MessageBody": record["body"],
        "MessageAttributes": {
            "OriginalMessageId": {"DataType": "String", "StringValue": record["messageId"]}
        },
    }
    if dlq_url.endswith(".fifo"):
        params["MessageGroupId"] = record["attributes"]["MessageGroupId"]
        params["MessageDeduplicationId"] = record["messageId"]
    try:
        sqs.send_message(**params)
    except Exception:
        return False  # not parked anywhere yet: keep it on the source queue
    return True
