"""Log in with a username and password (OAuth2 password flow) and call the API with a JWT."""

from dataclasses import dataclass

from fastapi import FastAPI
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


class Token(BaseModel):
    access_token: str
    token_type: str


class User(BaseModel):
    username: str
    full_name: str


app = FastAPI(title="Accounts")


def verify_password(password: str, user: UserRecord) -> bool:
    """True if `password` hashes (with the user's salt) to the stored hash."""
    raise NotImplementedError


def get_current_user() -> User:
    """The dependency every protected route uses: the user the bearer token names."""
    raise NotImplementedError


@app.post("/token")
def login() -> Token:
    raise NotImplementedError


@app.get("/me")
def read_me() -> User:
    raise NotImplementedError
