"""Evaluating identity-based IAM policies, and a least-privilege policy for an ingest function."""

import re
from functools import lru_cache
from typing import Any

Statement = dict[str, Any]


def evaluate(policies: list[dict[str, Any]], action: str, resource: str) -> str:
    """ "allowed", "explicitDeny" or "implicitDeny", as the IAM policy simulator reports them."""
    allowed = False
    for policy in policies:
        for statement in _statements(policy):
            if not _applies(statement, action, resource):
                continue
            if statement["Effect"] == "Deny":
                return "explicitDeny"  # a matching Deny beats any Allow, wherever it is
            allowed = True
    return "allowed" if allowed else "implicitDeny"


def _statements(policy: dict[str, Any]) -> list[Statement]:
    statements = policy["Statement"]
    return [statements] if isinstance(statements, dict) else list(statements)


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _applies(statement: Statement, action: str, resource: str) -> bool:
    if "Action" not in statement:
        return False
    action_ok = any(_glob(p, True).fullmatch(action) for p in _as_list(statement["Action"]))
    if "Resource" in statement:
        resource_ok = any(
            _glob(p, False).fullmatch(resource) for p in _as_list(statement["Resource"])
        )
    else:
        resource_ok = not any(
            _glob(p, False).fullmatch(resource) for p in _as_list(statement["NotResource"])
        )
    return action_ok and resource_ok


@lru_cache(maxsize=1024)
def _glob(pattern: str, ignore_case: bool) -> re.Pattern[str]:
    """`*` is any run of characters, `?` exactly one; everything else is literal (so `[`, `.`
    and `$` in an ARN mean themselves, unlike in fnmatch or a regex)."""
    parts = (".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in pattern)
    return re.compile("".join(parts), re.DOTALL | (re.IGNORECASE if ignore_case else 0))


ACCOUNT = "123456789012"
REGION = "eu-west-1"

#: The ingest function's role: read incoming/, write processed/, list the bucket, three item
#: operations on Jobs, and its own log streams. Nothing else.
POLICY: dict[str, Any] = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "ReadIncoming",
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::acme-uploads/incoming/*",
        },
        {
            "Sid": "WriteProcessed",
            "Effect": "Allow",
            "Action": "s3:PutObject",
            "Resource": "arn:aws:s3:::acme-uploads/processed/*",
        },
        {
            "Sid": "ListTheBucket",
            "Effect": "Allow",
            "Action": "s3:ListBucket",
            "Resource": "arn:aws:s3:::acme-uploads",  # ListBucket acts on the bucket, not objects
        },
        {
            "Sid": "TrackJobs",
            "Effect": "Allow",
            "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
            "Resource": f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/Jobs",
        },
        {
            "Sid": "OwnLogs",
            "Effect": "Allow",
            "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
            "Resource": f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:/aws/lambda/ingest:*",
        },
    ],
}
