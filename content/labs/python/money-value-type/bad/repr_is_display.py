import functools
from dataclasses import dataclass
from decimal import Decimal


@functools.total_ordering
@dataclass(frozen=True, repr=False)
class Money:
    """An immutable amount of one currency.

    The dataclass supplies __init__, a field-wise __eq__ (NotImplemented for other classes),
    a matching __hash__, an eval-able __repr__ and immutability; total_ordering derives
    <=, > and >= from __lt__ and __eq__.
    """

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        amount: object = self.amount
        if isinstance(amount, bool) or not isinstance(amount, Decimal | int):
            raise TypeError(f"amount must be a Decimal or an int, not {type(amount).__name__}")
        code = self.currency
        if not (
            isinstance(code, str)
            and len(code) == 3
            and code.isascii()
            and code.isalpha()
            and code.isupper()
        ):
            raise ValueError(f"currency must be three capital letters, got {code!r}")
        object.__setattr__(self, "amount", Decimal(amount))

    def __repr__(self) -> str:
        return f"{self.amount} {self.currency}"

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
