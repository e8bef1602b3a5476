from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol


# The code to refactor. Every new pricing rule means another elif here, and the rounding and
# clamping are tangled with the rules. Keep it for reference or delete it when you are done.
def legacy_price(kind: str, subtotal: Decimal, quantity: int) -> Decimal:
    if subtotal < 0 or quantity < 1:
        raise ValueError("subtotal must be >= 0 and quantity >= 1")
    if kind == "standard":
        total = subtotal
    elif kind == "member":
        total = subtotal * Decimal("0.95")
    elif kind == "bulk":
        total = subtotal * Decimal("0.90") if quantity >= 10 else subtotal
    elif kind == "clearance":
        total = subtotal * Decimal("0.70") - Decimal("2.00")
    else:
        raise ValueError(f"unknown pricing {kind}")
    return max(total, Decimal("0")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class PricingStrategy(Protocol):
    def __call__(self, subtotal: Decimal, quantity: int) -> Decimal: ...


class UnknownStrategyError(LookupError):
    pass


class PricingRegistry:
    def register(self, name: str, strategy: PricingStrategy | None = None) -> Callable:
        """Register `strategy` under `name`; without a strategy, return a decorator."""
        raise NotImplementedError

    def names(self) -> list[str]:
        raise NotImplementedError

    def price(self, name: str, subtotal: Decimal, quantity: int) -> Decimal:
        raise NotImplementedError


def default_registry() -> PricingRegistry:
    """A new registry holding the four legacy strategies."""
    raise NotImplementedError
