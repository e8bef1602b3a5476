from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class Order:
    id: int
    email: str
    customer: str
    items: tuple[tuple[str, int], ...]  # (product name, quantity)
    tracking: str | None = None


class TransientMailError(Exception):
    """The mail server refused for now (busy, greylisted): trying again later may work."""


class NotificationFailed(Exception):
    def __init__(self, order_id: int) -> None:
        super().__init__(f"could not notify the customer of order #{order_id}")
        self.order_id = order_id


class SmtpClient:
    """The production client. It needs a real mail server, so tests cannot use it."""

    def __init__(self, host: str = "smtp.internal", port: int = 587) -> None:
        self.host, self.port = host, port

    def send(self, to: str, subject: str, body: str) -> None:
        raise ConnectionError(f"cannot reach {self.host}:{self.port} from here")


@runtime_checkable
class MailSender(Protocol):
    """Anything that can deliver one e-mail; SmtpClient and the tests' fakes both qualify."""

    def send(self, to: str, subject: str, body: str) -> None: ...


def shipped_message(order: Order) -> tuple[str, str]:
    """The subject and body telling a customer their order has shipped."""
    lines = [f"Hi {order.customer},", "", f"Your order #{order.id} is on its way:"]
    lines += [f"  - {quantity} x {name}" for name, quantity in order.items]
    lines += ["", f"Tracking number: {order.tracking or 'not available yet'}"]
    return f"Order #{order.id} has shipped", "\n".join(lines)


class OrderNotifier:
    """Tells customers about their orders through whatever MailSender it is given."""

    def __init__(
        self,
        sender: MailSender | None = None,
        *,
        max_attempts: int = 3,
        retry_delay: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if max_attempts < 1:
            raise ValueError(f"max_attempts must be at least 1, got {max_attempts}")
        self._sender = sender if sender is not None else SmtpClient()
        self._max_attempts = max_attempts
        self._retry_delay = retry_delay
        self._sleep = sleep

    def order_shipped(self, order: Order) -> None:
        subject, body = shipped_message(order)
        for attempt in range(1, self._max_attempts + 1):
            try:
                self._sender.send(order.email, subject, body)
                return
            except TransientMailError as exc:
                if attempt == self._max_attempts:
                    raise NotificationFailed(order.id) from exc
            self._sleep(self._retry_delay)
