"""Checks for the SQS consumer: Lambda SQS events, a fake idempotency store, a fake SQS client.

Records look like the ones Lambda's SQS event source mapping delivers (attribute values are
strings); the SQS fake follows boto3's send_message, including the FIFO requirements.
"""

import hashlib
import json
import traceback
import uuid

SOURCE = "arn:aws:sqs:eu-west-1:123456789012:orders"
SOURCE_FIFO = "arn:aws:sqs:eu-west-1:123456789012:orders.fifo"
DLQ = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders-dlq"
DLQ_FIFO = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders-dlq.fifo"


class ClientError(Exception):
    """What botocore raises when SQS rejects a request."""


class FakeStore:
    def __init__(self, done=()):
        self.keys = set(done)
        self.log = []

    def claim(self, key):
        self.log.append(["claim", key])
        if key in self.keys:
            return False
        self.keys.add(key)
        return True

    def release(self, key):
        self.log.append(["release", key])
        self.keys.discard(key)


class FakeSQS:
    def __init__(self, unavailable=False):
        self.sent = []
        self.unavailable = unavailable

    def send_message(self, *, QueueUrl, MessageBody, DelaySeconds=None, MessageAttributes=None,
                     MessageSystemAttributes=None, MessageDeduplicationId=None,
                     MessageGroupId=None):  # fmt: skip
        if not isinstance(MessageBody, str) or not MessageBody:
            raise ClientError("InvalidParameterValue: MessageBody must be a non-empty string")
        for name, value in (MessageAttributes or {}).items():
            if not isinstance(value, dict) or "DataType" not in value:
                raise ClientError(
                    f"InvalidParameterValue: message attribute {name!r} needs a DataType"
                )
        if QueueUrl.endswith(".fifo"):
            if not MessageGroupId:
                raise ClientError(
                    "MissingParameter: The request must contain the parameter MessageGroupId."
                )
            if not MessageDeduplicationId:
                raise ClientError(
                    "InvalidParameterValue: The queue should either have ContentBasedDeduplication "
                    "enabled or MessageDeduplicationId provided explicitly"
                )
        if self.unavailable:
            raise ClientError("An error occurred (ServiceUnavailable) when calling SendMessage")
        sent = {"QueueUrl": QueueUrl, "MessageBody": MessageBody,
                "MessageAttributes": MessageAttributes or {}}  # fmt: skip
        if MessageGroupId is not None:
            sent["MessageGroupId"] = MessageGroupId
        self.sent.append(sent)
        return {"MessageId": str(uuid.uuid5(uuid.NAMESPACE_URL, MessageBody)),
                "MD5OfMessageBody": hashlib.md5(MessageBody.encode()).hexdigest()}  # fmt: skip


class PaymentTimeout(RuntimeError):
    """The failure the fake business logic raises for the orders it is told to fail."""


class Recorder:
    """The business logic: records payloads, fails for the ones listed."""

    def __init__(self, failing=()):
        self.failing = set(failing)
        self.seen = []

    def __call__(self, payload):
        self.seen.append(payload)
        if payload.get("order") in self.failing:
            raise PaymentTimeout(f"payment service timed out for order {payload['order']}")


def mid(name):
    return str(uuid.uuid5(uuid.NAMESPACE_DNS, f"{name}.orders.example"))


def record(name, body=None, receives=1, fifo=False, group="customer-42"):
    body = json.dumps({"order": name}) if body is None else body
    attributes = {
        "ApproximateReceiveCount": str(receives),
        "SentTimestamp": "1714564800000",
        "SenderId": "AROAEXAMPLE123:orders-api",
        "ApproximateFirstReceiveTimestamp": "1714564800250",
    }
    if fifo:
        attributes |= {
            "MessageGroupId": group,
            "MessageDeduplicationId": hashlib.sha256(body.encode()).hexdigest(),
            "SequenceNumber": str(18885000000000000000 + sum(map(ord, name))),
        }
    return {
        "messageId": mid(name),
        "receiptHandle": "AQEB" + hashlib.sha256(name.encode()).hexdigest()[:60],
        "body": body,
        "attributes": attributes,
        "messageAttributes": {},
        "md5OfBody": hashlib.md5(body.encode()).hexdigest(),
        "eventSource": "aws:sqs",
        "eventSourceARN": SOURCE_FIFO if fifo else SOURCE,
        "awsRegion": "eu-west-1",
    }


def _run(solution, records, *, process=None, store=None, sqs=None, dlq=DLQ, max_receives=5):
    process = process or Recorder()
    store = store if store is not None else FakeStore()
    sqs = sqs or FakeSQS()
    try:
        result = solution.handle_batch(
            {"Records": records}, process=process, store=store, sqs=sqs, dlq_url=dlq,
            max_receives=max_receives,
        )  # fmt: skip
    except (PaymentTimeout, ClientError) as exc:
        # A failure of the business logic or of SQS escaped; a bug of the candidate's own (a
        # KeyError, say) is left to surface as a runtime error with its traceback.
        frames = traceback.extract_tb(exc.__traceback__)
        where = next(
            (f for f in reversed(frames) if f.filename.endswith("solution.py")), frames[-1]
        )
        raise AssertionError(
            f"handle_batch raised {type(exc).__name__}: {exc} (at {where.filename} line "
            f"{where.lineno}). An exception makes Lambda retry "
            "the whole batch, including the messages that succeeded; report failures in "
            "batchItemFailures instead"
        ) from None
    assert isinstance(result, dict) and set(result) == {"batchItemFailures"}, (
        f"return {{'batchItemFailures': [...]}}, got {result!r}"
    )
    failures = result["batchItemFailures"]
    assert isinstance(failures, list) and all(
        isinstance(f, dict) and set(f) == {"itemIdentifier"} for f in failures
    ), f"each failure is {{'itemIdentifier': messageId}}, got {failures!r}"
    known = {r["messageId"] for r in records}
    unknown = [f["itemIdentifier"] for f in failures if f["itemIdentifier"] not in known]
    assert not unknown, (
        f"batchItemFailures names ids that are not in the batch: {unknown} (Lambda then fails "
        "the whole batch)"
    )
    return [_name(records, f["itemIdentifier"]) for f in failures], process, store, sqs


def _is_json(body):
    try:
        json.loads(body)
    except ValueError:
        return False
    return True


def _name(records, message_id):
    for r in records:
        if r["messageId"] == message_id:
            return json.loads(r["body"])["order"] if _is_json(r["body"]) else r["body"]
    return message_id


def _orders(process):
    return [p.get("order") for p in process.seen]


def check_all_succeed(solution):
    records = [record("A-1"), record("A-2"), record("A-3")]
    failed, process, store, _ = _run(solution, records)
    assert failed == [], f"every message succeeded, yet batchItemFailures named {failed}"
    assert _orders(process) == ["A-1", "A-2", "A-3"], (
        f"process should get each parsed JSON body in order, got {process.seen}"
    )
    return [failed, _orders(process), sorted(store.keys) == sorted(r["messageId"] for r in records)]


def check_partial_failure(solution):
    records = [record(f"B-{i}") for i in range(1, 6)]
    failed, process, _, _ = _run(solution, records, process=Recorder({"B-2", "B-4"}))
    assert _orders(process) == ["B-1", "B-2", "B-3", "B-4", "B-5"], (
        f"a failure must not stop a standard queue's batch; processed {_orders(process)}"
    )
    assert failed == ["B-2", "B-4"], (
        f"B-2 and B-4 failed: batchItemFailures should name exactly them, in order; got {failed}"
    )
    return failed


def check_skips_duplicates(solution):
    records = [record("C-1"), record("C-2", receives=2), record("C-3")]
    store = FakeStore(done={mid("C-2")})
    failed, process, _, _ = _run(solution, records, store=store)
    assert "C-2" not in _orders(process), (
        "C-2 was already processed (its id is in the store) and was processed again"
    )
    assert failed == [], f"a duplicate is a success (delete it), not a failure; got {failed}"
    return [failed, _orders(process)]


def check_retry_after_failure(solution):
    store = FakeStore()
    first, _, _, _ = _run(solution, [record("D-1"), record("D-2")], store=store,
                          process=Recorder({"D-1"}))  # fmt: skip
    assert first == ["D-1"], f"D-1 failed on the first delivery; got failures {first}"
    process = Recorder()
    second, process, _, _ = _run(
        solution, [record("D-1", receives=2)], store=store, process=process
    )
    assert _orders(process) == ["D-1"], (
        "D-1 failed, was redelivered, and was skipped as a duplicate: a failed message must not "
        "stay claimed in the store, or it is lost"
    )
    return [first, second, _orders(process)]


def check_poison_to_dlq(solution):
    records = [record("E-1", receives=5), record("E-2", receives=6), record("E-3", receives=10),
               record("E-4", receives=1)]  # fmt: skip
    failed, process, _, sqs = _run(solution, records, max_receives=5)
    assert _orders(process) == ["E-1", "E-4"], (
        f"with max_receives=5, receive counts 6 and 10 are poison and 5 is not; processed "
        f"{_orders(process)} (ApproximateReceiveCount is a string in the event)"
    )
    assert failed == [], f"a message parked in the DLQ is handled: not a failure; got {failed}"
    parked = [[m["QueueUrl"], m["MessageBody"], m["MessageAttributes"]] for m in sqs.sent]
    want = [[DLQ, r["body"], {"OriginalMessageId": {"DataType": "String",
                                                    "StringValue": r["messageId"]}}]
            for r in records[1:3]]  # fmt: skip
    assert parked == want, f"expected the DLQ to receive {want}, got {parked}"
    return [failed, _orders(process), len(parked)]


def check_malformed_body(solution):
    records = [record("F-1"), record("F-2", body='{"order": "F-2"'), record("F-3")]
    failed, process, _, sqs = _run(solution, records)
    assert [m["MessageBody"] for m in sqs.sent] == ['{"order": "F-2"'], (
        "a body that is not JSON can never succeed: send it to the DLQ on its first receive; "
        f"the DLQ got {sqs.sent}"
    )
    assert failed == [], f"the malformed message was parked, so nothing failed; got {failed}"
    return [failed, _orders(process)]


def check_dlq_unavailable(solution):
    records = [record("G-1", receives=9), record("G-2")]
    failed, process, _, _ = _run(solution, records, sqs=FakeSQS(unavailable=True))
    assert failed == ["G-1"], (
        "G-1 is poison but the DLQ send failed: it must stay on the source queue (report it as "
        f"a failure) rather than be deleted and lost; got failures {failed}"
    )
    return [failed, _orders(process)]


def check_fifo_stops_at_failure(solution):
    records = [record("H-0", receives=7, fifo=True)]
    records += [record(f"H-{i}", fifo=True) for i in range(1, 5)]
    failed, process, store, sqs = _run(
        solution, records, sqs=FakeSQS(), dlq=DLQ_FIFO, process=Recorder({"H-2"})
    )
    assert [m["MessageBody"] for m in sqs.sent] == [records[0]["body"]], (
        f"H-0 (received 7 times) belongs in the FIFO DLQ; sent {sqs.sent}"
    )
    assert sqs.sent[0].get("MessageGroupId") == "customer-42", (
        "keep the message group when parking a FIFO message"
    )
    assert _orders(process) == ["H-1", "H-2"], (
        "on a FIFO queue, stop at the first failure so later messages of the group are not "
        f"processed out of order; processed {_orders(process)}"
    )
    assert failed == ["H-2", "H-3", "H-4"], (
        f"report the failed message and every one after it; got {failed}"
    )
    unclaimed = [n for n in ("H-3", "H-4") if mid(n) in store.keys]
    assert not unclaimed, f"{unclaimed} were not processed but are marked done in the store"
    return [failed, _orders(process)]
