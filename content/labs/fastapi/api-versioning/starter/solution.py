"""One user store served by two API versions: /v1 (deprecated) and /v2 (structured names)."""

from dataclasses import dataclass

from fastapi import FastAPI

V1_DEPRECATED_AT = "@1767225600"  # 2026-01-01T00:00:00Z
V1_SUNSET = "Wed, 30 Jun 2027 00:00:00 GMT"


@dataclass(frozen=True)
class UserRecord:
    id: int
    given_name: str
    family_name: str
    email: str


USERS = {
    1: UserRecord(1, "Ada", "Lovelace", "ada@example.com"),
    2: UserRecord(2, "Grace", "Hopper", "grace@example.com"),
    3: UserRecord(3, "Alan", "Turing", "alan@example.com"),
}

app = FastAPI(title="Directory")

# Add a v1 router and a v2 router (APIRouter with a prefix each) and include them in the app.
