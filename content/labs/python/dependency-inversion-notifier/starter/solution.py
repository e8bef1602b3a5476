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


# The service as it is today: it builds its own SmtpClient, so nothing can test it without a
# mail server, and its retry loop sleeps for real and retries every kind of error.
#
# class OrderNotifier:
#     def __init__(self):
#         self.smtp = SmtpClient()
#
#     def order_shipped(self, order):
#         for attempt in range(3):
#             try:
#                 self.smtp.send(order.email, f"Order #{order.id} has shipped", ...)
#                 return
#             except Exception:
#                 time.sleep(2)


@runtime_checkable
class MailSender(Protocol):
    def send(self, to: str, subject: str, body: str) -> None: ...


class OrderNotifier:
    def __init__(
        self,
        sender: MailSender,
        *,
        max_attempts: int = 3,
        retry_delay: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        raise NotImplementedError

    def order_shipped(self, order: Order) -> None:
        raise NotImplementedError
