"""Checks for S3 listing and presigning, against a fake of boto3's S3 client.

The fake follows ListObjectsV2: keys come back in UTF-8 binary order, at most a few per page
(standing in for S3's 1,000), each CommonPrefix counts as one entry against that page size,
Contents and CommonPrefixes are left out of a page that has none, and a truncated page carries
an opaque NextContinuationToken.
"""

import copy
import hashlib
from datetime import UTC, datetime


class ParamValidationError(Exception):
    """What botocore raises before sending a request with an unknown parameter."""


class ClientError(Exception):
    """What botocore raises when S3 rejects a request."""


LIST_PARAMS = {
    "Bucket", "Delimiter", "EncodingType", "MaxKeys", "Prefix", "ContinuationToken",
    "FetchOwner", "StartAfter", "RequestPayer", "ExpectedBucketOwner", "OptionalObjectAttributes",
}  # fmt: skip


class FakeS3:
    def __init__(self, bucket, keys, page_size=3):
        self.bucket = bucket
        self.keys = sorted(keys)
        self.page_size = page_size
        self.calls = []
        self.presigned = []
        self._tokens = {}

    def list_objects_v2(self, **params):
        unknown = set(params) - LIST_PARAMS
        if unknown:
            raise ParamValidationError(
                f'Parameter validation failed: Unknown parameter in input: "{sorted(unknown)[0]}", '
                f"must be one of: {', '.join(sorted(LIST_PARAMS))}"
            )
        self.calls.append(copy.deepcopy(params))
        if params.get("Bucket") != self.bucket:
            raise ClientError(f"NoSuchBucket: {params.get('Bucket')!r} does not exist")
        prefix = params.get("Prefix", "")
        delimiter = params.get("Delimiter")
        requested = params.get("MaxKeys", 1000)
        limit = min(requested, 1000, self.page_size)
        token = params.get("ContinuationToken")
        if token is not None:
            state = self._tokens.get(token)
            if state is None or state[:2] != (prefix, delimiter):
                raise ClientError("InvalidArgument: The continuation token provided is incorrect")
            after = state[2]
        else:
            after = params.get("StartAfter")
        pending = [k for k in self.keys if k.startswith(prefix) and (after is None or k > after)]
        contents, prefixes, last, i = [], [], None, 0
        while i < len(pending) and len(contents) + len(prefixes) < limit:
            key = pending[i]
            cut = key.find(delimiter, len(prefix)) if delimiter else -1
            if cut != -1:
                rolled = key[: cut + len(delimiter)]
                prefixes.append({"Prefix": rolled})
                while i < len(pending) and pending[i].startswith(rolled):
                    last, i = pending[i], i + 1
                continue
            contents.append(_object(key))
            last, i = key, i + 1
        page = {
            "IsTruncated": i < len(pending),
            "Name": self.bucket,
            "Prefix": prefix,
            "MaxKeys": requested,
            "KeyCount": len(contents) + len(prefixes),
        }
        if delimiter:
            page["Delimiter"] = delimiter
        if contents:
            page["Contents"] = contents
        if prefixes:
            page["CommonPrefixes"] = prefixes
        if token is not None:
            page["ContinuationToken"] = token
        if params.get("StartAfter") is not None:
            page["StartAfter"] = params["StartAfter"]
        if page["IsTruncated"]:
            new = "1" + hashlib.sha256(f"{prefix}|{delimiter}|{last}".encode()).hexdigest()[:40]
            self._tokens[new] = (prefix, delimiter, last)
            page["NextContinuationToken"] = new
        return page

    def generate_presigned_url(self, ClientMethod, Params=None, ExpiresIn=3600, HttpMethod=None):
        self.presigned.append(
            {"ClientMethod": ClientMethod, "Params": copy.deepcopy(Params), "ExpiresIn": ExpiresIn}
        )
        key = (Params or {}).get("Key", "")
        return (
            f"https://{(Params or {}).get('Bucket')}.s3.eu-west-1.amazonaws.com/{key}"
            f"?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires={ExpiresIn}&X-Amz-Signature=f00d"
        )


def _object(key):
    return {
        "Key": key,
        "LastModified": datetime(2024, 5, 1, 12, 0, tzinfo=UTC),
        "ETag": '"' + hashlib.md5(key.encode()).hexdigest() + '"',
        "Size": 100 + len(key),
        "StorageClass": "STANDARD",
    }


def _server_view(keys, prefix, delimiter):
    """What S3 itself reports for one level: page through the fake with the delimiter."""
    s3 = FakeS3("truth", keys, page_size=1000)
    page = s3.list_objects_v2(Bucket="truth", Prefix=prefix, Delimiter=delimiter)
    return {
        "folders": [p["Prefix"] for p in page.get("CommonPrefixes", [])],
        "files": [o["Key"] for o in page.get("Contents", [])],
    }


REPORTS = [f"reports/2024/{month:02d}.csv" for month in range(1, 11)]
OTHERS = ["index.html", "reportsX/1.csv", "reports-old/a.csv", "raw/2024/01.json"]

PHOTOS = [
    "photos/",  # a "folder marker" object, as the S3 console creates
    "photos/2023-01/a.jpg",
    "photos/2023-01/b.jpg",
    "photos/2023/summer/c.jpg",
    "photos/2023/winter.jpg",
    "photos/2024/a.jpg",
    "photos/2024/b.jpg",
    "photos/2024/c.jpg",
    "photos/2024/d.jpg",
    "photos/cover.jpg",
    "photos/thumbs//x.jpg",
    "photos/zz.jpg",
    "photos/émile.jpg",
    "photosets/x.jpg",
]


def _check_protocol(s3, what):
    for call in s3.calls[1:]:
        assert "ContinuationToken" in call or "StartAfter" in call, (
            f"{what}: a follow-up call {call} carries no ContinuationToken, so it restarts the "
            "listing from the beginning"
        )
    return len(s3.calls)


def check_lists_all_pages(solution):
    s3 = FakeS3("acme-data", REPORTS + OTHERS, page_size=3)
    keys = solution.list_keys(s3, "acme-data", "reports/")
    assert isinstance(keys, list), f"list_keys returned {type(keys).__name__}, not a list"
    assert keys == REPORTS, (
        f"list_keys(prefix='reports/') returned {len(keys)} keys, expected all 10 across 4 pages "
        f"of 3: got {keys}"
    )
    calls = _check_protocol(s3, "list_keys")
    assert calls == 4, f"10 keys in pages of 3 take 4 calls; list_keys made {calls}"
    return [keys, calls]


def check_empty_listing(solution):
    s3 = FakeS3("acme-data", REPORTS, page_size=3)
    keys = solution.list_keys(s3, "acme-data", "nothing-here/")
    assert keys == [], f"a prefix with no objects should give [], got {keys!r}"
    everything = solution.list_keys(s3, "acme-data")
    return [keys, everything]


def check_folder_across_pages(solution):
    s3 = FakeS3("media", PHOTOS, page_size=2)
    level = solution.list_folder(s3, "media", "photos/")
    assert isinstance(level, dict) and set(level) == {"folders", "files"}, (
        f"list_folder should return {{'folders': [...], 'files': [...]}}, got {level!r}"
    )
    calls = _check_protocol(s3, "list_folder")
    delimiters = {call.get("Delimiter") for call in s3.calls}
    assert delimiters == {"/"}, (
        f"list_folder must ask S3 to group with Delimiter='/' on every call; sent {delimiters}"
    )
    truth = _server_view(PHOTOS, "photos/", "/")
    assert sorted(level["folders"]) == truth["folders"], (
        f"folders under photos/: expected {truth['folders']}, got {level['folders']} (each page "
        "carries some CommonPrefixes; merge them all)"
    )
    return [sorted(level["folders"]), sorted(level["files"]), calls]


def check_group_like_s3(solution):
    out = []
    for prefix, delimiter in [
        ("photos/", "/"),
        ("photos/2023", "/"),
        ("photos/2024/", "/"),
        ("", "/"),
        ("photos/", "-"),
        ("nope/", "/"),
    ]:
        truth = _server_view(PHOTOS, prefix, delimiter)
        got = solution.group_by_folder(list(reversed(PHOTOS)), prefix, delimiter)
        assert isinstance(got, dict) and set(got) == {"folders", "files"}, (
            f"group_by_folder should return {{'folders': [...], 'files': [...]}}, got {got!r}"
        )
        got = {"folders": list(got["folders"]), "files": list(got["files"])}
        assert got == truth, (
            f"group_by_folder(prefix={prefix!r}, delimiter={delimiter!r}): S3 reports {truth}, "
            f"you computed {got}"
        )
        out.append(got)
    return out


def check_presign_call(solution):
    s3 = FakeS3("acme-exports", [])
    url = solution.presign_download(
        s3, "acme-exports", "exports/alice/2024-05.csv", allowed_prefix="exports/alice/",
        expires_in=900,
    )  # fmt: skip
    assert len(s3.presigned) == 1, f"expected one generate_presigned_url call, got {s3.presigned}"
    call = s3.presigned[0]
    assert isinstance(url, str) and "X-Amz-Signature" in url, (
        f"return the URL generate_presigned_url gave you, got {url!r}"
    )
    assert call["ClientMethod"] == "get_object", (
        f"a download URL is presigned for the get_object operation, not {call['ClientMethod']!r}"
    )
    default = FakeS3("acme-exports", [])
    solution.presign_download(
        default, "acme-exports", "exports/alice/a.pdf", allowed_prefix="exports/alice/"
    )
    return [call, default.presigned[0]["ExpiresIn"]]


def check_presign_policy(solution):
    allowed = "exports/alice/"
    out = []
    for key, expires in [
        ("exports/alice/r.csv", 0),
        ("exports/alice/r.csv", -60),
        ("exports/alice/r.csv", 604801),
        ("exports/alice/r.csv", 30 * 24 * 3600),
        ("exports/bob/r.csv", 60),
        ("exports/alice-evil/r.csv", 60),
        ("exports/alice/", 60),
        ("exports/alice/2024/", 60),
    ]:
        s3 = FakeS3("acme-exports", [])
        try:
            solution.presign_download(
                s3, "acme-exports", key, allowed_prefix=allowed, expires_in=expires
            )
        except ValueError:
            out.append("rejected")
        else:
            raise AssertionError(
                f"presign_download(key={key!r}, expires_in={expires}) should raise ValueError"
            )
        assert not s3.presigned, f"a rejected request (key={key!r}) still presigned a URL"
    s3 = FakeS3("acme-exports", [])
    solution.presign_download(
        s3, "acme-exports", "exports/alice/big.zip", allowed_prefix=allowed, expires_in=604800
    )
    out.append(s3.presigned[0]["ExpiresIn"])
    return out
