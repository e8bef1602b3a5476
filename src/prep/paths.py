"""Where prep keeps user data and finds its content.

User data lives in one directory so a candidate can back it up, move it, or delete it in one go.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "PREP_HOME"
CONTENT_DIR_ENV = "PREP_CONTENT"
DATABASE_FILE = "prep.sqlite3"


def data_dir() -> Path:
    """The user's data directory: `$PREP_HOME`, else the platform's user data dir."""
    configured = os.environ.get(DATA_DIR_ENV)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("prep", appauthor=False))


def database_path() -> Path:
    return data_dir() / DATABASE_FILE


def content_dir() -> Path:
    """The content tree: `$PREP_CONTENT`, else the copy shipped in a wheel, else the repo's."""
    configured = os.environ.get(CONTENT_DIR_ENV)
    if configured:
        return Path(configured).expanduser()
    packaged = Path(__file__).parent / "_content"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "content"
