from typing import Any


def evaluate(policies: list[dict[str, Any]], action: str, resource: str) -> str:
    """Return "allowed", "explicitDeny" or "implicitDeny" for this request."""
    raise NotImplementedError


#: The ingest function's least-privilege identity policy (see the task).
POLICY: dict[str, Any] = {
    "Version": "2012-10-17",
    "Statement": [],
}
