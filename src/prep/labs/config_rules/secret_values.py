"""What looks like a secret: variable names that usually hold one, values that are one.

Shared by every format, so "no secrets in ENV", "no literal secrets in the workflow" and
"no passwords in compose" agree on what a secret is.
"""

from __future__ import annotations

import re

#: Name parts that mark a secret (`DB_PASSWORD`, `api-token`, `SECRET_KEY`).
_SECRET_PARTS = frozenset(
    {"PASSWORD", "PASSWD", "PASS", "PWD", "SECRET", "SECRETS", "TOKEN", "APIKEY"}
    | {"CREDENTIAL", "CREDENTIALS"}
)
#: A last part that makes the name a setting *about* a secret, not the secret itself
#: (`SECRET_KEY_FILE`, `ACCESS_TOKEN_EXPIRE_MINUTES`, `TOKEN_URL`).
_ABOUT_PARTS = frozenset(
    {"FILE", "PATH", "DIR", "NAME", "URL", "URI", "ENDPOINT", "HEADER", "TYPE", "LENGTH"}
    | {"TTL", "EXPIRE", "EXPIRES", "MINUTES", "SECONDS", "HOURS", "DAYS", "ALGORITHM", "REF"}
    | {"ID", "USER", "USERNAME", "ENABLED", "REQUIRED"}
)
#: Formats of real credentials, whatever the variable is called.
_TOKEN_FORMATS = re.compile(
    r"\b(ghp_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}"
    r"|AKIA[0-9A-Z]{16}|xox[abposr]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,}"
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----)"
)
_FLAGS = frozenset({"", "true", "false", "yes", "no", "on", "off", "0", "1"})
#: scheme://user:password@host, the password part captured.
_URL_CREDENTIALS = re.compile(r"[a-z][a-z0-9+.-]*://[^/\s:@]+:([^/\s@]+)@", re.IGNORECASE)


def looks_secret(name: str) -> bool:
    """True for names such as DB_PASSWORD, api-token or DJANGO_SECRET_KEY.

    `PWD` counts only beside other parts (alone it is the working directory); `KEY` counts
    only after another part (`API_KEY`, but not a cache `key`).
    """
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", name.upper()) if p]
    if not parts or parts[-1] in _ABOUT_PARTS:
        return False
    if parts == ["PWD"]:
        return False
    if any(p in _SECRET_PARTS for p in parts):
        return True
    return len(parts) > 1 and parts[-1] == "KEY"


def secret_literal(name: str, value: str) -> bool:
    """A value written under a secret-looking name; a flag (`persist-credentials: false`,
    `USE_TOKEN=1`) is not a secret, whatever its name."""
    return looks_secret(name) and value.strip().lower() not in _FLAGS


def secret_in_value(value: str) -> str | None:
    """What secret a value holds on its own (a token format, a URL with a password), or None.

    A URL whose password part is a variable reference (`${DB_PASSWORD}`, `$(DB_PASSWORD)`)
    holds no secret.
    """
    if _TOKEN_FORMATS.search(value):
        return "a credential (its format is that of a real token or private key)"
    match = _URL_CREDENTIALS.search(value)
    if match and "$" not in match.group(1):
        return "a URL with a password in it"
    return None
