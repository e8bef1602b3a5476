# ruff: noqa: E501 - the tables of cases read better one case per line
"""Checks for the IAM identity-policy evaluator and the least-privilege POLICY.

POLICY is judged with the evaluator below, not the candidate's, so a mistake in one part does
not hide or excuse a mistake in the other.
"""

import json
import re

ACCOUNT = "123456789012"


def _glob(pattern, ignore_case):
    parts = (".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in pattern)
    return re.compile("".join(parts), re.DOTALL | (re.IGNORECASE if ignore_case else 0))


def _listed(value):
    return [value] if isinstance(value, str) else list(value)


def _trusted_evaluate(policies, action, resource):
    allowed = False
    for policy in policies:
        statements = policy["Statement"]
        for st in [statements] if isinstance(statements, dict) else statements:
            key_a = "Action" if "Action" in st else "NotAction"
            key_r = "Resource" if "Resource" in st else "NotResource"
            hit_a = any(_glob(p, True).fullmatch(action) for p in _listed(st[key_a]))
            hit_r = any(_glob(p, False).fullmatch(resource) for p in _listed(st[key_r]))
            if hit_a == (key_a == "Action") and hit_r == (key_r == "Resource"):
                if st["Effect"] == "Deny":
                    return "explicitDeny"
                allowed = True
    return "allowed" if allowed else "implicitDeny"


def doc(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


def allow(action, resource, *, negate_action=False, negate_resource=False):
    return _st("Allow", action, resource, negate_action, negate_resource)


def deny(action, resource, *, negate_action=False, negate_resource=False):
    return _st("Deny", action, resource, negate_action, negate_resource)


def _st(effect, action, resource, negate_action, negate_resource):
    return {
        "Effect": effect,
        "NotAction" if negate_action else "Action": action,
        "NotResource" if negate_resource else "Resource": resource,
    }


def _decide(solution, policies, cases):
    out = []
    for action, resource, want in cases:
        got = solution.evaluate(policies, action, resource)
        assert got == want, (
            f"{action} on {resource}: expected {want!r}, got {got!r}\n"
            f"policies: {json.dumps(policies)[:600]}"
        )
        out.append(got)
    return out


def check_allow_and_default_deny(solution):
    policies = [doc(allow("s3:GetObject", "arn:aws:s3:::reports/*"))]
    return [
        _decide(solution, policies, [
            ("s3:GetObject", "arn:aws:s3:::reports/2024/q1.pdf", "allowed"),
            ("s3:PutObject", "arn:aws:s3:::reports/2024/q1.pdf", "implicitDeny"),
            ("s3:GetObject", "arn:aws:s3:::payroll/2024/q1.pdf", "implicitDeny"),
        ]),
        _decide(solution, [], [("s3:GetObject", "arn:aws:s3:::reports/a", "implicitDeny")]),
    ]  # fmt: skip


def check_explicit_deny_wins(solution):
    allow_all = doc(allow("s3:*", "*"))
    no_delete = doc(deny("s3:DeleteObject", "arn:aws:s3:::prod-*/*"))
    out = []
    for policies in ([allow_all, no_delete], [no_delete, allow_all],
                     [doc(deny("s3:DeleteObject", "arn:aws:s3:::prod-*/*"), allow("s3:*", "*"))]):  # fmt: skip
        out.append(_decide(solution, policies, [
            ("s3:DeleteObject", "arn:aws:s3:::prod-data/a.csv", "explicitDeny"),
            ("s3:DeleteObject", "arn:aws:s3:::dev-data/a.csv", "allowed"),
            ("s3:GetObject", "arn:aws:s3:::prod-data/a.csv", "allowed"),
        ]))  # fmt: skip
    lone_deny = [doc(deny("ec2:TerminateInstances", "*"))]
    out.append(_decide(solution, lone_deny, [
        ("ec2:TerminateInstances", f"arn:aws:ec2:eu-west-1:{ACCOUNT}:instance/i-0abc", "explicitDeny"),
        ("ec2:StartInstances", f"arn:aws:ec2:eu-west-1:{ACCOUNT}:instance/i-0abc", "implicitDeny"),
    ]))  # fmt: skip
    return out


def check_action_matching(solution):
    policies = [doc(allow(["s3:Get*", "ec2:Describe*", "sqs:?eceiveMessage"], "*"))]
    return _decide(solution, policies, [
        ("s3:GetObject", "arn:aws:s3:::b/k", "allowed"),
        ("S3:getobjectTagging", "arn:aws:s3:::b/k", "allowed"),
        ("ec2:describeinstances", "*", "allowed"),
        ("sqs:ReceiveMessage", "arn:aws:sqs:eu-west-1:123456789012:q", "allowed"),
        ("sqs:DeleteMessage", "arn:aws:sqs:eu-west-1:123456789012:q", "implicitDeny"),
        ("s3:PutObject", "arn:aws:s3:::b/k", "implicitDeny"),
        ("s3express:GetObject", "arn:aws:s3:::b/k", "implicitDeny"),
        ("ec2:RunInstances", "*", "implicitDeny"),
    ])  # fmt: skip


def check_resource_matching(solution):
    policies = [doc(allow("s3:GetObject", [
        "arn:aws:s3:::my.bucket/reports[2024]/*",
        "arn:aws:s3:::logs-20??/*",
        f"arn:aws:logs:eu-west-1:{ACCOUNT}:log-group:/aws/lambda/api:*",
    ]))]  # fmt: skip
    return _decide(solution, policies, [
        ("s3:GetObject", "arn:aws:s3:::my.bucket/reports[2024]/q1/a.csv", "allowed"),
        ("s3:GetObject", "arn:aws:s3:::myxbucket/reports[2024]/a.csv", "implicitDeny"),
        ("s3:GetObject", "arn:aws:s3:::my.bucket/reports2/a.csv", "implicitDeny"),
        ("s3:GetObject", "arn:aws:s3:::my.bucket/reports[2024]", "implicitDeny"),
        ("s3:GetObject", "arn:aws:s3:::My.Bucket/reports[2024]/a.csv", "implicitDeny"),
        ("s3:GetObject", "arn:aws:s3:::logs-2024/x", "allowed"),
        ("s3:GetObject", "arn:aws:s3:::logs-202/x", "implicitDeny"),
        ("s3:GetObject", f"arn:aws:logs:eu-west-1:{ACCOUNT}:log-group:/aws/lambda/api:log-stream:2024/05/01/[$LATEST]9f2c", "allowed"),
        ("s3:GetObject", f"arn:aws:logs:eu-west-1:{ACCOUNT}:log-group:/aws/lambda/api-v2:log-stream:x", "implicitDeny"),
    ])  # fmt: skip


def check_not_action(solution):
    # "Everything except IAM" and "deny everything but the MFA bootstrap calls".
    admin_but_iam = [doc(allow(["iam:*", "organizations:*"], "*", negate_action=True))]
    mfa_gate = [doc(allow("*", "*"),
                    deny(["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "sts:GetSessionToken"],
                         "*", negate_action=True))]  # fmt: skip
    return [
        _decide(solution, admin_but_iam, [
            ("s3:CreateBucket", "arn:aws:s3:::new-bucket", "allowed"),
            ("iam:CreateUser", f"arn:aws:iam::{ACCOUNT}:user/eve", "implicitDeny"),
            ("IAM:createuser", f"arn:aws:iam::{ACCOUNT}:user/eve", "implicitDeny"),
            ("organizations:LeaveOrganization", "*", "implicitDeny"),
        ]),
        _decide(solution, mfa_gate, [
            ("iam:EnableMFADevice", f"arn:aws:iam::{ACCOUNT}:user/bob", "allowed"),
            ("sts:GetSessionToken", "*", "allowed"),
            ("s3:ListAllMyBuckets", "*", "explicitDeny"),
        ]),
    ]  # fmt: skip


def check_not_resource(solution):
    policies = [doc(allow("s3:*", "*"),
                    deny("s3:*", ["arn:aws:s3:::team-a", "arn:aws:s3:::team-a/*"], negate_resource=True))]  # fmt: skip
    return _decide(solution, policies, [
        ("s3:PutObject", "arn:aws:s3:::team-a/notes.txt", "allowed"),
        ("s3:ListBucket", "arn:aws:s3:::team-a", "allowed"),
        ("s3:PutObject", "arn:aws:s3:::team-b/notes.txt", "explicitDeny"),
        ("s3:ListBucket", "arn:aws:s3:::team-a-archive", "explicitDeny"),
        ("ec2:StartInstances", "*", "implicitDeny"),
    ])  # fmt: skip


def check_document_shapes(solution):
    single = {"Version": "2012-10-17",
              "Statement": {"Sid": "One", "Effect": "Allow", "Action": "sqs:SendMessage",
                            "Resource": f"arn:aws:sqs:eu-west-1:{ACCOUNT}:orders"}}  # fmt: skip
    managed = {"Version": "2012-10-17", "Statement": [
        {"Sid": "Read", "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query"],
         "Resource": [f"arn:aws:dynamodb:eu-west-1:{ACCOUNT}:table/Orders",
                      f"arn:aws:dynamodb:eu-west-1:{ACCOUNT}:table/Orders/index/*"]},
    ]}  # fmt: skip
    return _decide(solution, [single, managed], [
        ("sqs:SendMessage", f"arn:aws:sqs:eu-west-1:{ACCOUNT}:orders", "allowed"),
        ("sqs:SendMessage", f"arn:aws:sqs:eu-west-1:{ACCOUNT}:orders-dlq", "implicitDeny"),
        ("dynamodb:Query", f"arn:aws:dynamodb:eu-west-1:{ACCOUNT}:table/Orders/index/GSI1", "allowed"),
        ("dynamodb:Scan", f"arn:aws:dynamodb:eu-west-1:{ACCOUNT}:table/Orders", "implicitDeny"),
    ])  # fmt: skip


TABLE = f"arn:aws:dynamodb:eu-west-1:{ACCOUNT}:table/Jobs"
STREAM = (f"arn:aws:logs:eu-west-1:{ACCOUNT}:log-group:/aws/lambda/ingest:log-stream:"
          "2024/05/01/[$LATEST]0f1e2d3c4b5a")  # fmt: skip
NEEDED = [
    ("s3:GetObject", "arn:aws:s3:::acme-uploads/incoming/2024/05/batch-17.csv"),
    ("s3:PutObject", "arn:aws:s3:::acme-uploads/processed/2024/05/batch-17.json"),
    ("s3:ListBucket", "arn:aws:s3:::acme-uploads"),
    ("dynamodb:GetItem", TABLE),
    ("dynamodb:PutItem", TABLE),
    ("dynamodb:UpdateItem", TABLE),
    ("logs:CreateLogStream", STREAM),
    ("logs:PutLogEvents", STREAM),
]
FORBIDDEN = [
    ("s3:DeleteObject", "arn:aws:s3:::acme-uploads/incoming/2024/05/batch-17.csv"),
    ("s3:PutObject", "arn:aws:s3:::acme-uploads/incoming/planted.csv"),
    ("s3:GetObject", "arn:aws:s3:::acme-uploads/processed/2024/05/batch-17.json"),
    ("s3:GetObject", "arn:aws:s3:::acme-uploads/secrets/api-keys.csv"),
    ("s3:GetObject", "arn:aws:s3:::acme-uploads-archive/incoming/old.csv"),
    ("s3:PutObject", "arn:aws:s3:::acme-uploads-archive/processed/x.json"),
    ("s3:ListBucket", "arn:aws:s3:::acme-billing"),
    ("s3:PutBucketPolicy", "arn:aws:s3:::acme-uploads"),
    ("s3:DeleteBucket", "arn:aws:s3:::acme-uploads"),
    ("dynamodb:DeleteItem", TABLE),
    ("dynamodb:Scan", TABLE),
    ("dynamodb:Query", TABLE),
    ("dynamodb:DeleteTable", TABLE),
    ("dynamodb:PutItem", f"arn:aws:dynamodb:eu-west-1:{ACCOUNT}:table/JobsArchive"),
    ("dynamodb:PutItem", f"arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/Jobs"),
    ("dynamodb:PutItem", "arn:aws:dynamodb:eu-west-1:999999999999:table/Jobs"),
    (
        "logs:PutLogEvents",
        f"arn:aws:logs:eu-west-1:{ACCOUNT}:log-group:/aws/lambda/payments:log-stream:x",
    ),
    ("logs:DeleteLogGroup", f"arn:aws:logs:eu-west-1:{ACCOUNT}:log-group:/aws/lambda/ingest:*"),
    ("iam:PassRole", f"arn:aws:iam::{ACCOUNT}:role/admin"),
    ("sts:AssumeRole", f"arn:aws:iam::{ACCOUNT}:role/admin"),
    ("lambda:UpdateFunctionCode", f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:ingest"),
]


def check_least_privilege_policy(solution):
    policy = solution.POLICY
    assert isinstance(policy, dict) and policy.get("Version") == "2012-10-17", (
        'POLICY needs "Version": "2012-10-17" (the current policy language version)'
    )
    statements = policy.get("Statement")
    statements = [statements] if isinstance(statements, dict) else statements
    assert isinstance(statements, list) and statements, "POLICY has no statements"
    for st in statements:
        assert isinstance(st, dict) and st.get("Effect") in ("Allow", "Deny"), (
            f"each statement needs an Effect of Allow or Deny: {st!r}"
        )
        assert ("Action" in st) != ("NotAction" in st) and ("Resource" in st) != (
            "NotResource" in st
        ), (
            f"each statement needs exactly one of Action/NotAction and of Resource/NotResource: {st!r}"
        )
        assert "Condition" not in st, "this lab's evaluator has no conditions: do without them"
    missing = [f"{a} on {r}" for a, r in NEEDED if _trusted_evaluate([policy], a, r) != "allowed"]
    assert not missing, "POLICY does not allow what the function needs: " + "; ".join(missing)
    excess = [f"{a} on {r}" for a, r in FORBIDDEN if _trusted_evaluate([policy], a, r) == "allowed"]
    assert not excess, "POLICY allows more than the function needs: " + "; ".join(excess)
    return [len(NEEDED), len(FORBIDDEN)]
