"""One user store served by two API versions: /v1 (deprecated) and /v2 (structured names)."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import APIRouter, FastAPI, HTTPException, Request, Response, status
from pydantic import BaseModel

#: RFC 9745: the moment v1 became deprecated, as a structured-field date (@ Unix seconds).
V1_DEPRECATED_AT = "@1767225600"  # 2026-01-01T00:00:00Z
#: RFC 8594: when v1 stops answering, as an HTTP date.
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


def _find(user_id: int) -> UserRecord:
    user = USERS.get(user_id)
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no user {user_id}")
    return user


# v1: the original contract, frozen. Its models are its own, so v2 can change freely.
class UserV1(BaseModel):
    id: int
    name: str
    email: str

    @classmethod
    def of(cls, user: UserRecord) -> "UserV1":
        return cls(id=user.id, name=f"{user.given_name} {user.family_name}", email=user.email)


v1 = APIRouter(prefix="/v1", tags=["v1"])


@v1.get("/users")
def list_users_v1() -> list[UserV1]:
    return [UserV1.of(u) for u in USERS.values()]


@v1.get("/users/{user_id}")
def read_user_v1(user_id: int) -> UserV1:
    return UserV1.of(_find(user_id))


# v2: names are structured, and lists are wrapped so they can grow fields later.
class PersonName(BaseModel):
    given: str
    family: str


class UserV2(BaseModel):
    id: int
    name: PersonName
    email: str

    @classmethod
    def of(cls, user: UserRecord) -> "UserV2":
        name = PersonName(given=user.given_name, family=user.family_name)
        return cls(id=user.id, name=name, email=user.email)


class UserListV2(BaseModel):
    items: list[UserV2]
    total: int


v2 = APIRouter(prefix="/v2", tags=["v2"])


@v2.get("/users")
def list_users_v2() -> UserListV2:
    items = [UserV2.of(u) for u in USERS.values()]
    return UserListV2(items=items, total=len(items))


@v2.get("/users/{user_id}")
def read_user_v2(user_id: int) -> UserV2:
    return UserV2.of(_find(user_id))


app = FastAPI(title="Directory")
app.include_router(v1)
app.include_router(v2)


@app.middleware("http")
async def announce_v1_deprecation(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Middleware rather than a route dependency: errors (404, 422) are v1 answers too, and a
    dependency's headers are lost when the route raises."""
    response = await call_next(request)
    path = request.url.path
    if path == "/v1" or path.startswith("/v1/"):
        response.headers["Deprecation"] = V1_DEPRECATED_AT
        response.headers["Sunset"] = V1_SUNSET
        successor = "/v2" + path.removeprefix("/v1")
        response.headers.append("Link", f'<{successor}>; rel="successor-version"')
    return response
