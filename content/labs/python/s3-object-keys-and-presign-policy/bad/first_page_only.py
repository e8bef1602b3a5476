"""Listing S3 keys page by page, grouping them the way a Delimiter does, and presigning safely."""

from collections.abc import Iterable, Iterator
from typing import Any

#: SigV4 presigned URLs are valid for at most seven days.
MAX_PRESIGN_SECONDS = 7 * 24 * 60 * 60


def _pages(client: Any, **params: Any) -> Iterator[dict[str, Any]]:
    """Every page of a ListObjectsV2 listing, following NextContinuationToken."""
    yield client.list_objects_v2(**params)


def list_keys(client: Any, bucket: str, prefix: str = "") -> list[str]:
    return [
        obj["Key"]
        for page in _pages(client, Bucket=bucket, Prefix=prefix)
        for obj in page.get("Contents", [])  # absent, not empty, when a page has no objects
    ]


def list_folder(
    client: Any, bucket: str, prefix: str = "", delimiter: str = "/"
) -> dict[str, list[str]]:
    folders: list[str] = []
    files: list[str] = []
    for page in _pages(client, Bucket=bucket, Prefix=prefix, Delimiter=delimiter):
        folders.extend(p["Prefix"] for p in page.get("CommonPrefixes", []))
        files.extend(obj["Key"] for obj in page.get("Contents", []))
    return {"folders": folders, "files": files}


def group_by_folder(
    keys: Iterable[str], prefix: str = "", delimiter: str = "/"
) -> dict[str, list[str]]:
    folders: set[str] = set()
    files: list[str] = []
    for key in keys:
        if not key.startswith(prefix):
            continue
        rest = key[len(prefix) :]
        cut = rest.find(delimiter)
        if cut == -1:
            files.append(key)  # includes a "folder marker" object whose key equals the prefix
        else:
            folders.add(prefix + rest[: cut + len(delimiter)])
    return {"folders": sorted(folders), "files": sorted(files)}


def presign_download(
    client: Any, bucket: str, key: str, *, allowed_prefix: str, expires_in: int = 3600
) -> str:
    if type(expires_in) is not int or not 1 <= expires_in <= MAX_PRESIGN_SECONDS:
        raise ValueError(f"expires_in must be 1..{MAX_PRESIGN_SECONDS} seconds, got {expires_in!r}")
    if not key.startswith(allowed_prefix):
        raise ValueError(f"{key!r} is outside {allowed_prefix!r}")
    if key.endswith("/"):
        raise ValueError(f"{key!r} names a folder, not an object")
    filename = key.rsplit("/", 1)[-1]
    url: str = client.generate_presigned_url(
        "get_object",
        Params={
            "Bucket": bucket,
            "Key": key,
            "ResponseContentDisposition": f'attachment; filename="{filename}"',
        },
        ExpiresIn=expires_in,
    )
    return url
