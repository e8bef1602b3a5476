"""A public comments API with secure defaults: CORS allowlist, body size limit, security
headers, and problem+json errors that reveal nothing internal."""

import itertools
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, status
from pydantic import BaseModel, ConfigDict, Field

ALLOWED_ORIGINS = ["https://app.example.com"]
MAX_BODY_BYTES = 16 * 1024
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
}


class CommentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    author: str = Field(min_length=1, max_length=50)
    text: str = Field(min_length=1, max_length=2000)


class Comment(CommentIn):
    id: int


class CommentStore:
    def __init__(self) -> None:
        self._comments = {1: Comment(id=1, author="ada", text="First!")}
        self._ids = itertools.count(2)

    def get(self, comment_id: int) -> Comment | None:
        return self._comments.get(comment_id)

    def add(self, comment: CommentIn) -> Comment:
        stored = Comment(id=next(self._ids), **comment.model_dump())
        self._comments[stored.id] = stored
        return stored


_store = CommentStore()


def get_store() -> CommentStore:
    return _store


Store = Annotated[CommentStore, Depends(get_store)]

app = FastAPI(title="Comments")

# Add: CORS for ALLOWED_ORIGINS, a request body limit of MAX_BODY_BYTES, SECURITY_HEADERS on
# every response, and exception handlers answering application/problem+json.


@app.get("/comments/{comment_id}")
async def read_comment(comment_id: int, store: Store) -> Comment:
    comment = store.get(comment_id)
    if comment is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"comment {comment_id} not found")
    return comment


@app.post("/comments", status_code=status.HTTP_201_CREATED)
async def create_comment(comment: CommentIn, store: Store) -> Comment:
    return store.add(comment)
