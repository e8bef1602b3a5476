from decimal import Decimal

import pytest

from pricing import bulk_price


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        (1, Decimal("2.00")),
        (9, Decimal("18.00")),  # last quantity at full price
        (10, Decimal("19.00")),  # first discounted quantity: 5% off
        (99, Decimal("188.10")),
        (100, Decimal("180.00")),  # first quantity of the 10% tier
    ],
)
def test_discount_tiers_start_exactly_at_their_thresholds(quantity: int, expected: Decimal) -> None:
    assert bulk_price(Decimal("2.00"), quantity) == expected


def test_half_a_cent_rounds_up() -> None:
    # 0.125 sits exactly between 0.12 and 0.13. Half-up gives 0.13; half-to-even would give
    # 0.12, so an even cent digit before the half is what tells the two apart.
    assert bulk_price(Decimal("0.125"), 1) == Decimal("0.13")


@pytest.mark.parametrize("quantity", [0, -1])
def test_quantities_below_one_are_rejected(quantity: int) -> None:
    with pytest.raises(ValueError, match="quantity"):
        bulk_price(Decimal("1.00"), quantity)


def test_negative_prices_are_rejected() -> None:
    with pytest.raises(ValueError, match="unit_price"):
        bulk_price(Decimal("-0.01"), 1)


def test_zero_price_is_allowed() -> None:
    assert bulk_price(Decimal("0"), 5) == Decimal("0.00")
