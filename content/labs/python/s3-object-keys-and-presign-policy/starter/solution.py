from collections.abc import Iterable
from typing import Any


def list_keys(client: Any, bucket: str, prefix: str = "") -> list[str]:
    """Every key under `prefix`, across all pages, in the order S3 returns them."""
    raise NotImplementedError


def list_folder(
    client: Any, bucket: str, prefix: str = "", delimiter: str = "/"
) -> dict[str, list[str]]:
    """One "folder" level under `prefix` as S3 reports it: {"folders": [...], "files": [...]}."""
    raise NotImplementedError


def group_by_folder(
    keys: Iterable[str], prefix: str = "", delimiter: str = "/"
) -> dict[str, list[str]]:
    """The same grouping as list_folder, computed locally from a list of keys."""
    raise NotImplementedError


def presign_download(
    client: Any, bucket: str, key: str, *, allowed_prefix: str, expires_in: int = 3600
) -> str:
    """A presigned GET URL for one object, if the request follows the policy."""
    raise NotImplementedError
