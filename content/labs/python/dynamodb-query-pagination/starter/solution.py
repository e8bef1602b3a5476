from typing import Any

Item = dict[str, Any]


def customer_item(customer_id: str, name: str, email: str) -> Item:
    """The customer's profile item, keys included."""
    raise NotImplementedError


def order_item(
    customer_id: str, order_id: str, placed_at: str, total_cents: int, status: str
) -> Item:
    """One order item, keys included."""
    raise NotImplementedError


def customer_with_orders(table: Any, customer_id: str) -> dict[str, Any]:
    """{"customer": profile item or None, "orders": [order items, oldest first]}."""
    raise NotImplementedError


def orders_in_month(table: Any, customer_id: str, month: str) -> list[Item]:
    """The customer's orders placed in `month` ("2024-03"), oldest first."""
    raise NotImplementedError


def recent_orders(table: Any, customer_id: str, n: int) -> list[Item]:
    """The customer's `n` newest orders, newest first."""
    raise NotImplementedError


def find_order(table: Any, order_id: str) -> Item | None:
    """The order with this id, whoever placed it, or None."""
    raise NotImplementedError
