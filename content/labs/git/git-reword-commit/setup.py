"""An audit service with a four-commit branch whose second commit has a useless message, and a
main branch that moved on after the branch was cut."""

from pathlib import Path

EVENT = '''"""Audit events: who did what to which object, and when."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AuditEvent:
    action: str
    object_id: str
    at: datetime
{actor}'''

STORE = '''"""Persist audit events in PostgreSQL."""

INSERT = (
    "INSERT INTO audit_events (action, object_id, at, actor)"
    " VALUES (%(action)s, %(object_id)s, %(at)s, %(actor)s)"
)


def save(connection, event):
    with connection.cursor() as cursor:
        cursor.execute(INSERT, vars(event))
'''

API = '''"""Read-only HTTP access to audit events."""

from fastapi import APIRouter

router = APIRouter(prefix="/audit")


@router.get("/events")
def list_events(object_id: str):
    """The audit trail of one object, oldest first."""
    raise NotImplementedError("wired up in the next iteration")
'''

README = "# audit\n\nAn append-only trail of changes to business objects.\n"
REQUIREMENTS = "fastapi=={fastapi}\npsycopg[binary]==3.1.18\n"


def _commit(repo: Path, git, message, files):
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git("add", "-A")
    git("commit", "-q", "-m", message)


def prepare(repo, git):
    _commit(
        repo,
        git,
        "Create the audit service",
        {
            "README.md": README,
            "requirements.txt": REQUIREMENTS.format(fastapi="0.109.2"),
            "audit/__init__.py": "",
        },
    )
    git("switch", "-q", "-c", "feature/audit-log")
    _commit(repo, git, "Add the audit event model", {"audit/events.py": EVENT.format(actor="")})
    _commit(repo, git, "fix stuff", {"audit/events.py": EVENT.format(actor="    actor: str\n")})
    _commit(repo, git, "Store audit events in PostgreSQL", {"audit/store.py": STORE})
    _commit(repo, git, "Expose audit events over HTTP", {"audit/api.py": API})
    git("switch", "-q", "main")
    upgraded = REQUIREMENTS.format(fastapi="0.110.0")
    _commit(repo, git, "Upgrade FastAPI", {"requirements.txt": upgraded})
    git("switch", "-q", "feature/audit-log")
