"""Study reminders (the module under test; do not edit it).

`send_reminder` talks to an HTTP client and reads a clock, both injected, so tests can replace
them with mocks instead of sending real requests or waiting for real time.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol


class HttpClient(Protocol):
    def post(self, path: str, json: dict[str, Any]) -> int: ...


@dataclass(frozen=True)
class User:
    id: int
    email: str
    opted_out: bool = False


QUIET_FROM, QUIET_UNTIL = 22, 7  # no reminders from 22:00 until 06:59


def send_reminder(
    client: HttpClient, clock: Callable[[], datetime], user: User, due_cards: int
) -> bool:
    """Send one reminder; True when it was sent.

    Nothing is sent to a user who opted out, when no card is due, or during quiet hours.
    A TimeoutError from the client is retried once; a second one propagates. A status other
    than 202 means the reminder was not accepted: False.
    """
    if user.opted_out or due_cards <= 0:
        return False
    hour = clock().hour
    if hour >= QUIET_FROM or hour < QUIET_UNTIL:
        return False
    payload = {"user_id": user.id, "email": user.email, "due": due_cards}
    status = client.post("/reminders", json=payload)
    return status == 202
