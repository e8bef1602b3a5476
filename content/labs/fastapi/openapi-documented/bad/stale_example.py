"""An orders API whose OpenAPI document is a contract clients can generate code from."""

import itertools
from enum import StrEnum
from typing import Any

from fastapi import FastAPI, HTTPException, status
from pydantic import BaseModel, ConfigDict, Field


class OrderStatus(StrEnum):
    PENDING = "pending"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"


class OrderCreate(BaseModel):
    """What a client sends to place an order."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"item": "espresso beans, 1 kg", "quantity": 0}]}
    )

    item: str = Field(min_length=1, max_length=100, description="What is ordered.")
    quantity: int = Field(ge=1, le=100, description="How many units, 1 to 100.")


class Order(BaseModel):
    """An order as the API reports it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"id": 7, "item": "espresso beans, 1 kg", "quantity": 2, "status": "pending"}
            ]
        }
    )

    id: int = Field(description="Assigned by the server.")
    item: str = Field(description="What is ordered.")
    quantity: int = Field(ge=1, le=100, description="How many units, 1 to 100.")
    status: OrderStatus = Field(description="Where the order is in its life cycle.")


class Error(BaseModel):
    """The body of every error this API documents."""

    detail: str = Field(description="What went wrong, for humans.")


TAGS = [{"name": "orders", "description": "Place, inspect and cancel orders."}]
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Error, "description": "No order has this id."}
}

app = FastAPI(
    title="Orders API",
    version="1.2.0",
    description="Orders for the coffee shop's web front end.",
    openapi_tags=TAGS,
)

_ids = itertools.count(2)
_orders = {1: Order(id=1, item="filter papers", quantity=3, status=OrderStatus.SHIPPED)}


def _find(order_id: int) -> Order:
    order = _orders.get(order_id)
    if order is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no order {order_id}")
    return order


@app.get("/orders", tags=["orders"], operation_id="listOrders", summary="List orders")
def list_orders() -> list[Order]:
    """All orders, oldest first."""
    return list(_orders.values())


@app.post(
    "/orders",
    status_code=status.HTTP_201_CREATED,
    tags=["orders"],
    operation_id="createOrder",
    summary="Place an order",
)
def create_order(body: OrderCreate) -> Order:
    """Places an order; it starts out pending."""
    order = Order(id=next(_ids), status=OrderStatus.PENDING, **body.model_dump())
    _orders[order.id] = order
    return order


@app.get(
    "/orders/{order_id}",
    tags=["orders"],
    operation_id="getOrder",
    summary="Get one order",
    responses=NOT_FOUND,
)
def get_order(order_id: int) -> Order:
    """The order with this id."""
    return _find(order_id)


@app.post(
    "/orders/{order_id}/cancel",
    tags=["orders"],
    operation_id="cancelOrder",
    summary="Cancel an order",
    responses={
        **NOT_FOUND,
        409: {"model": Error, "description": "The order has shipped; it cannot be cancelled."},
    },
)
def cancel_order(order_id: int) -> Order:
    """Cancels a pending order. Cancelling a cancelled order changes nothing."""
    order = _find(order_id)
    if order.status is OrderStatus.SHIPPED:
        raise HTTPException(status.HTTP_409_CONFLICT, f"order {order_id} has shipped")
    cancelled = order.model_copy(update={"status": OrderStatus.CANCELLED})
    _orders[order_id] = cancelled
    return cancelled
