"""Customers and their orders in one DynamoDB table (single-table design).

Keys: PK / SK on the table, GSI1PK / GSI1SK on the index GSI1.

| Item     | PK              | SK                              | GSI1PK          | GSI1SK |
| -------- | --------------- | ------------------------------- | --------------- | ------ |
| customer | CUSTOMER#<id>   | PROFILE                         |                 |        |
| order    | CUSTOMER#<id>   | ORDER#<placed_at>#<order_id>    | ORDER#<order_id> | ORDER |

A customer and their orders share a partition (one item collection), and the sort key orders
the orders by time, so "a month" is a begins_with and "the newest n" a reverse query with a
Limit. Only orders carry GSI1 keys, so the index is sparse.
"""

from collections.abc import Iterator
from typing import Any

Item = dict[str, Any]


def customer_item(customer_id: str, name: str, email: str) -> Item:
    return {
        "PK": f"CUSTOMER#{customer_id}",
        "SK": "PROFILE",
        "customer_id": customer_id,
        "name": name,
        "email": email,
    }


def order_item(
    customer_id: str, order_id: str, placed_at: str, total_cents: int, status: str
) -> Item:
    return {
        "PK": f"CUSTOMER#{customer_id}",
        # The order id keeps two orders placed in the same second apart.
        "SK": f"ORDER#{placed_at}#{order_id}",
        "GSI1PK": f"ORDER#{order_id}",
        "GSI1SK": "ORDER",
        "customer_id": customer_id,
        "order_id": order_id,
        "placed_at": placed_at,
        "total_cents": total_cents,
        "status": status,
    }


def _query(table: Any, **params: Any) -> Iterator[Item]:
    """Every item of a query, page after page, until there is no LastEvaluatedKey."""
    while True:
        page = table.query(**params)
        yield from page["Items"]
        last_key = page.get("LastEvaluatedKey")
        if last_key is None:
            return
        params["ExclusiveStartKey"] = last_key


def customer_with_orders(table: Any, customer_id: str) -> dict[str, Any]:
    customer: Item | None = None
    orders: list[Item] = []
    for item in _query(
        table,
        KeyConditionExpression="PK = :pk",
        ExpressionAttributeValues={":pk": f"CUSTOMER#{customer_id}"},
    ):
        if item["SK"] == "PROFILE":
            customer = item
        elif item["SK"].startswith("ORDER#"):
            orders.append(item)
    return {"customer": customer, "orders": orders}


def orders_in_month(table: Any, customer_id: str, month: str) -> list[Item]:
    return list(
        _query(
            table,
            KeyConditionExpression="PK = :pk AND begins_with(SK, :month)",
            ExpressionAttributeValues={
                ":pk": f"CUSTOMER#{customer_id}",
                ":month": f"ORDER#{month}-",
            },
        )
    )


def recent_orders(table: Any, customer_id: str, n: int) -> list[Item]:
    orders = customer_with_orders(table, customer_id)["orders"]
    orders.sort(key=lambda order: order["placed_at"], reverse=True)
    return orders[:n]


def find_order(table: Any, order_id: str) -> Item | None:
    return next(
        _query(
            table,
            IndexName="GSI1",
            KeyConditionExpression="GSI1PK = :pk",
            ExpressionAttributeValues={":pk": f"ORDER#{order_id}"},
        ),
        None,
    )
