"""Chat channels whose message history is paged newest first with opaque keyset cursors."""

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI(title="Channels")


class Message(BaseModel):
    id: int
    text: str


class Page(BaseModel):
    items: list[Message]
    next_cursor: str | None


@app.post("/channels/{channel}/messages", status_code=201)
def post_message(channel: str) -> Message:
    raise NotImplementedError


@app.delete("/channels/{channel}/messages/{message_id}", status_code=204)
def delete_message(channel: str, message_id: int) -> None:
    raise NotImplementedError


@app.get("/channels/{channel}/messages")
def list_messages(channel: str) -> Page:
    """Newest first; `limit` and `cursor` are query parameters."""
    raise NotImplementedError
