"""Service settings read from the environment (the module under test; do not edit it)."""

import os
from dataclasses import dataclass

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    database_url: str
    port: int
    debug: bool


def load_settings() -> Settings:
    """Read APP_DATABASE_URL (required), APP_PORT (default 8000, 1-65535) and APP_DEBUG
    (default off; true/false words in any case, surrounding spaces ignored)."""
    url = os.environ.get("APP_DATABASE_URL", "").strip()
    if not url:
        raise SettingsError("APP_DATABASE_URL is required")
    raw_port = os.environ.get("APP_PORT", "8080").strip()
    if not raw_port.isdigit() or not 1 <= int(raw_port) <= 65535:
        raise SettingsError(f"APP_PORT must be a port number, not {raw_port!r}")
    raw_debug = os.environ.get("APP_DEBUG", "").strip().lower()
    if raw_debug not in TRUE_WORDS | FALSE_WORDS:
        raise SettingsError(f"APP_DEBUG must be true or false, not {raw_debug!r}")
    return Settings(url, int(raw_port), raw_debug in TRUE_WORDS)
