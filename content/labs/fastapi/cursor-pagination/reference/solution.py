"""Chat channels whose message history is paged newest first with opaque keyset cursors."""

import base64
import itertools
import re
from bisect import bisect_left
from collections import defaultdict
from typing import Annotated

from fastapi import FastAPI, HTTPException, Query, status
from pydantic import BaseModel, Field

app = FastAPI(title="Channels")

_CURSOR_KEY = re.compile(r"[1-9][0-9]{0,17}")


class MessageIn(BaseModel):
    text: str = Field(min_length=1, max_length=500)


class Message(BaseModel):
    id: int
    text: str


class Page(BaseModel):
    items: list[Message]
    next_cursor: str | None


_ids = itertools.count(1)
_messages: dict[int, Message] = {}
# Per channel, the ids of its messages in ascending order: new ids are always the largest.
_channels: defaultdict[str, list[int]] = defaultdict(list)


def _encode_cursor(message_id: int) -> str:
    return base64.urlsafe_b64encode(str(message_id).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> int:
    """The id the page continues below; 400 for anything this server did not hand out."""
    try:
        raw = base64.b64decode(cursor + "=" * (-len(cursor) % 4), altchars=b"-_", validate=True)
        key = raw.decode("ascii")
    except ValueError:  # binascii.Error and UnicodeDecodeError are both ValueErrors
        key = ""
    if not _CURSOR_KEY.fullmatch(key):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "invalid cursor")
    return int(key)


@app.post("/channels/{channel}/messages", status_code=status.HTTP_201_CREATED)
def post_message(channel: str, body: MessageIn) -> Message:
    message = Message(id=next(_ids), text=body.text)
    _messages[message.id] = message
    _channels[channel].append(message.id)
    return message


@app.delete("/channels/{channel}/messages/{message_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_message(channel: str, message_id: int) -> None:
    ids = _channels.get(channel, [])
    index = bisect_left(ids, message_id)
    if index == len(ids) or ids[index] != message_id:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no message {message_id} in {channel!r}")
    del ids[index]
    del _messages[message_id]


@app.get("/channels/{channel}/messages")
def list_messages(
    channel: str,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: str | None = None,
) -> Page:
    ids = _channels.get(channel, [])
    # Keyset pagination: continue strictly below the last id served, wherever it now sits.
    end = len(ids) if cursor is None else bisect_left(ids, _decode_cursor(cursor))
    start = max(0, end - limit)
    items = [_messages[i] for i in reversed(ids[start:end])]
    next_cursor = _encode_cursor(items[-1].id) if start > 0 else None
    return Page(items=items, next_cursor=next_cursor)
