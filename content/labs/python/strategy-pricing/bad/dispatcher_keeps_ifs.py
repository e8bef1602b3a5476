from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

CENT = Decimal("0.01")


class PricingStrategy(Protocol):
    """Turns an order's subtotal and quantity into a raw (unrounded) price."""

    def __call__(self, subtotal: Decimal, quantity: int) -> Decimal: ...


class UnknownStrategyError(LookupError):
    pass


class PricingRegistry:
    """Maps names to strategies; the one place that validates input and rounds results."""

    def __init__(self) -> None:
        self._strategies: dict[str, PricingStrategy] = {}

    def register(
        self, name: str, strategy: PricingStrategy | None = None
    ) -> Callable[[PricingStrategy], PricingStrategy] | PricingStrategy:
        if strategy is None:
            return lambda given: self._add(name, given)
        return self._add(name, strategy)

    def _add(self, name: str, strategy: PricingStrategy) -> PricingStrategy:
        if name in self._strategies:
            raise ValueError(f"a pricing strategy named {name!r} is already registered")
        self._strategies[name] = strategy
        return strategy

    def names(self) -> list[str]:
        return sorted(self._strategies)

    def price(self, name: str, subtotal: Decimal, quantity: int) -> Decimal:
        strategy = self._strategies.get(name)
        if strategy is None and name not in ("member", "bulk"):
            known = ", ".join(self.names()) or "none"
            raise UnknownStrategyError(f"no pricing strategy {name!r} (known: {known})")
        if subtotal < 0 or quantity < 1:
            raise ValueError("subtotal must be >= 0 and quantity >= 1")
        if name == "member":
            total = subtotal * Decimal("0.95")
        elif name == "bulk":
            total = subtotal * Decimal("0.90") if quantity >= 10 else subtotal
        else:
            total = strategy(subtotal, quantity)
        return max(total, Decimal(0)).quantize(CENT, rounding=ROUND_HALF_UP)


def standard(subtotal: Decimal, quantity: int) -> Decimal:
    return subtotal


def member(subtotal: Decimal, quantity: int) -> Decimal:
    return subtotal * Decimal("0.95")


def bulk(subtotal: Decimal, quantity: int) -> Decimal:
    return subtotal * Decimal("0.90") if quantity >= 10 else subtotal


def clearance(subtotal: Decimal, quantity: int) -> Decimal:
    return subtotal * Decimal("0.70") - Decimal("2.00")


def default_registry() -> PricingRegistry:
    """A new registry holding the four legacy strategies."""
    registry = PricingRegistry()
    for name, strategy in [
        ("standard", standard),
        ("member", member),
        ("bulk", bulk),
        ("clearance", clearance),
    ]:
        registry.register(name, strategy)
    return registry
