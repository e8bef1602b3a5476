"""Log in with a username and password (OAuth2 password flow) and call the API with a JWT."""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated

import jwt
from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pydantic import BaseModel

# In production the key comes from a secret store, never from the source code.
SECRET_KEY = "lab-only-secret-6f1d2c8b9a7e4f30b5c1d9e8a2f47c16"
ALGORITHM = "HS256"
ACCESS_TOKEN_EXPIRE_MINUTES = 15
# Kept low so the checks run fast; a real service uses a slow KDF such as argon2 or bcrypt.
PBKDF2_ITERATIONS = 20_000


@dataclass(frozen=True)
class UserRecord:
    username: str
    full_name: str
    salt: bytes
    password_hash: bytes  # hashlib.pbkdf2_hmac("sha256", password, salt, PBKDF2_ITERATIONS)


USERS = {
    "alice": UserRecord(
        "alice",
        "Alice Liddell",
        bytes.fromhex("08b42ca9df8f23d95b5113073ae0350e"),
        bytes.fromhex("61fd4410db8827aea342e5ead7aa870bf70c12656901cc6a324ccdc4c2303e0b"),
    ),
    "bob": UserRecord(
        "bob",
        "Bob Builder",
        bytes.fromhex("3a76139ef6b7fb91544e66b5976f2202"),
        bytes.fromhex("d862336e514a7f6925bc9d76a4cf815d919b763649a8e074adc1a11854310e36"),
    ),
}
# Unknown usernames are checked against this record, so they cost the same hash as known ones.
_NOBODY = UserRecord("", "", b"\0" * 16, b"\0" * 32)


class Token(BaseModel):
    access_token: str
    token_type: str


class User(BaseModel):
    username: str
    full_name: str


app = FastAPI(title="Accounts")
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": "Bearer"}
    )


def verify_password(password: str, user: UserRecord) -> bool:
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), user.salt, PBKDF2_ITERATIONS)
    return hmac.compare_digest(digest, user.password_hash)


def create_access_token(username: str) -> str:
    issued = datetime.now(UTC)
    claims = {
        "sub": username,
        "iat": issued,
        "exp": issued + timedelta(minutes=ACCESS_TOKEN_EXPIRE_MINUTES),
    }
    return jwt.encode(claims, SECRET_KEY, algorithm=ALGORITHM)


def get_current_user(token: Annotated[str, Depends(oauth2_scheme)]) -> User:
    """The dependency every protected route uses: the user the bearer token names."""
    try:
        algorithm = jwt.get_unverified_header(token).get("alg", ALGORITHM)
        claims = jwt.decode(
            token, SECRET_KEY, algorithms=[algorithm], options={"require": ["exp", "sub"]}
        )
    except jwt.InvalidTokenError:
        raise _unauthorized("invalid or expired token") from None
    record = USERS.get(claims["sub"])
    if record is None:
        raise _unauthorized("invalid or expired token")
    return User(username=record.username, full_name=record.full_name)


@app.post("/token")
def login(form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> Token:
    user = USERS.get(form.username)
    password_ok = verify_password(form.password, user or _NOBODY)
    if user is None or not password_ok:
        # One answer for both cases, so the endpoint does not reveal which usernames exist.
        raise _unauthorized("incorrect username or password")
    return Token(access_token=create_access_token(user.username), token_type="bearer")


@app.get("/me")
def read_me(user: Annotated[User, Depends(get_current_user)]) -> User:
    return user
