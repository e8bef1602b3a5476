"""Container image references: is this one pinned to something that cannot move under us?"""

from __future__ import annotations

import re

_DIGEST = re.compile(r"sha256:[0-9a-f]{64}")


def unpinned(ref: str) -> str | None:
    """Why `ref` (`registry:5000/team/app:1.2@sha256:...`) floats, or None if it is pinned.

    A digest pins exactly; a tag other than `latest` pins to a release line. No tag at all
    means `latest`.
    """
    if not ref.strip():
        return "names no image"
    name, at, digest = ref.partition("@")
    if at:
        if _DIGEST.fullmatch(digest):
            return None
        return f"has a malformed digest {digest!r} (expected sha256: and 64 hex digits)"
    last = name.rsplit("/", 1)[-1]
    if ":" not in last:
        return f"{ref!r} has no tag, which means :latest"
    tag = last.rsplit(":", 1)[1]
    if tag == "latest":
        return f"{ref!r} uses the :latest tag"
    if not tag:
        return f"{ref!r} has an empty tag"
    return None
