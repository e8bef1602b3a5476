"""Bulk pricing for the order service (the module under test; do not edit it)."""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def bulk_price(unit_price: Decimal, quantity: int) -> Decimal:
    """Total for `quantity` units: 5% off from 10 units, 10% off from 100, rounded half-up
    to the cent. Quantities below 1 and negative prices are errors."""
    if quantity < 1:
        raise ValueError("quantity must be at least 1")
    if unit_price < 0:
        raise ValueError("unit_price must not be negative")
    total = unit_price * quantity
    if quantity >= 100:
        total *= Decimal("0.90")
    elif quantity > 10:
        total *= Decimal("0.95")
    return total.quantize(CENT, rounding=ROUND_HALF_UP)
