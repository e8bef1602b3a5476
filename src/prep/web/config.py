"""How the server runs: local (one user, loopback, no login) or hosted (accounts required)."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

SECRET_KEY_ENV = "PREP_SECRET_KEY"
HOSTED_ENV = "PREP_HOSTED"
MIN_SECRET_KEY_LENGTH = 32


class ConfigError(ValueError):
    """The server cannot start with this configuration; the message says what to change."""


@dataclass(frozen=True)
class WebConfig:
    host: str = "127.0.0.1"
    port: int = 8000
    hosted: bool = False
    secret_key: str | None = None
    database: Path | None = None  # None: the data directory's prep.sqlite3
    content: Path | None = None  # None: the installed content
    judge_workers: int = 2  # submissions judged at once; more wait their turn
    secure_cookies: bool = False  # set behind HTTPS

    def validated(self) -> WebConfig:
        if self.hosted and not self.secret_key:
            raise ConfigError(
                f"hosted mode needs a secret key: set {SECRET_KEY_ENV} to a random string of at "
                f"least {MIN_SECRET_KEY_LENGTH} characters (python -c 'import secrets; "
                "print(secrets.token_urlsafe(48))')"
            )
        if self.secret_key is not None and len(self.secret_key) < MIN_SECRET_KEY_LENGTH:
            raise ConfigError(
                f"{SECRET_KEY_ENV} is too short: use at least {MIN_SECRET_KEY_LENGTH} characters"
            )
        return self


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def config_for(host: str, port: int, *, hosted: bool | None = None) -> WebConfig:
    """Hosted when asked, when $PREP_HOSTED is set, or whenever the server listens beyond
    loopback: an app reachable from other machines must never run without accounts."""
    wants_hosted = (
        hosted
        if hosted is not None
        else os.environ.get(HOSTED_ENV, "").lower() in {"1", "true", "yes"}
    )
    return WebConfig(
        host=host,
        port=port,
        hosted=wants_hosted or not is_loopback(host),
        secret_key=os.environ.get(SECRET_KEY_ENV) or None,
    ).validated()
