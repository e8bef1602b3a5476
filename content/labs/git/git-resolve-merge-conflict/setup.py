"""Two branches that both changed the orders service's settings, requirements and changelog."""

from pathlib import Path

SETTINGS = '''"""Runtime settings of the orders service."""

DATABASE_URL = "postgresql://orders@localhost/orders"
REQUEST_TIMEOUT_S = {timeout}

ALLOWED_ORIGINS = [
    "https://app.example.com",
{origins}]

LOG_LEVEL = "INFO"
{tail}'''

CHANGELOG = """# Changelog

## Unreleased
{entry}
## 1.0.0

- First release: create, list and cancel orders.
"""

REQUIREMENTS = "fastapi==0.110.0\npydantic==2.6.4\nuvicorn==0.29.0\n"


def _write(repo: Path, name: str, text: str) -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _settings(timeout: int = 5, origins: str = "", tail: str = "") -> str:
    return SETTINGS.format(timeout=timeout, origins=origins, tail=tail)


def prepare(repo, git):
    _write(repo, "README.md", "# Orders service\n\nCreate, list and cancel orders over HTTP.\n")
    _write(repo, "orders/__init__.py", "")
    _write(repo, "orders/settings.py", _settings())
    _write(repo, "requirements.txt", REQUIREMENTS)
    _write(repo, "CHANGELOG.md", CHANGELOG.format(entry=""))
    git("add", "-A")
    git("commit", "-q", "-m", "Create the orders service")

    git("switch", "-q", "-c", "feature/partner-api")
    partner = '    "https://partners.example.com",\n'
    rate = "\n# Requests per minute per API key.\nRATE_LIMIT_PER_MINUTE = 120\n"
    _write(repo, "orders/settings.py", _settings(origins=partner, tail=rate))
    git("commit", "-q", "-am", "Allow the partner portal to call the API")
    _write(repo, "requirements.txt", REQUIREMENTS + "httpx==0.27.0\n")
    entry = "\n- Partner portal may call the API, 120 requests a minute per key.\n"
    _write(repo, "CHANGELOG.md", CHANGELOG.format(entry=entry))
    git("commit", "-q", "-am", "Add the partner client and changelog entry")

    git("switch", "-q", "main")
    admin = '    "https://admin.example.com",\n'
    _write(repo, "orders/settings.py", _settings(timeout=10, origins=admin))
    git("commit", "-q", "-am", "Allow the admin console and wait longer for slow clients")
    _write(repo, "requirements.txt", REQUIREMENTS + "redis==5.0.4\n")
    _write(repo, "CHANGELOG.md", CHANGELOG.format(entry="\n- Admin console origin allowed.\n"))
    git("commit", "-q", "-am", "Cache order lookups in Redis")
