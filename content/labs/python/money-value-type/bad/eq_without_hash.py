import functools
from decimal import Decimal


@functools.total_ordering
class Money:
    __slots__ = ("amount", "currency")

    def __init__(self, amount: Decimal | int, currency: str) -> None:
        if isinstance(amount, bool) or not isinstance(amount, Decimal | int):
            raise TypeError(f"amount must be a Decimal or an int, not {type(amount).__name__}")
        if not (
            len(currency) == 3 and currency.isascii() and currency.isalpha() and currency.isupper()
        ):
            raise ValueError(f"currency must be three capital letters, got {currency!r}")
        object.__setattr__(self, "amount", Decimal(amount))
        object.__setattr__(self, "currency", currency)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Money is immutable")

    def __repr__(self) -> str:
        return f"Money({self.amount!r}, {self.currency!r})"

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.amount == other.amount and self.currency == other.currency

    def _same_currency(self, other: "Money") -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot combine {self.currency} with {other.currency}")

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other)
        return self.amount < other.amount

    def __add__(self, other: object) -> "Money":
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: object) -> "Money":
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other)
        return Money(self.amount - other.amount, self.currency)
