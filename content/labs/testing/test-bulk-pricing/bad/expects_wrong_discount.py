from decimal import Decimal

import pytest

from pricing import bulk_price


def test_ten_units_get_ten_percent_off() -> None:
    # Misreads the spec: 10% is for 100 units and more.
    assert bulk_price(Decimal("2.00"), 10) == Decimal("18.00")


def test_zero_quantity_is_rejected() -> None:
    with pytest.raises(ValueError):
        bulk_price(Decimal("2.00"), 0)


def test_single_unit() -> None:
    assert bulk_price(Decimal("2.00"), 1) == Decimal("2.00")
