from decimal import Decimal

from pricing import bulk_price


def test_small_order() -> None:
    assert bulk_price(Decimal("2.00"), 3) == Decimal("6.00")


def test_discounted_order() -> None:
    assert bulk_price(Decimal("2.00"), 20) == Decimal("38.00")


def test_big_order() -> None:
    assert bulk_price(Decimal("2.00"), 200) == Decimal("360.00")


def test_another_small_order() -> None:
    assert bulk_price(Decimal("1.50"), 2) == Decimal("3.00")
