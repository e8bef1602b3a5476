"""Your tests for pricing.bulk_price. Run them with: pytest test_solution.py"""

from decimal import Decimal

import pytest

from pricing import bulk_price


def test_single_unit_costs_the_unit_price() -> None:
    assert bulk_price(Decimal("2.50"), 1) == Decimal("2.50")
