"""An orders API whose OpenAPI document is a contract clients can generate code from."""

import itertools

from fastapi import FastAPI, HTTPException

app = FastAPI()

_ids = itertools.count(2)
_orders = {1: {"id": 1, "item": "filter papers", "quantity": 3, "status": "shipped"}}


def _find(order_id: int) -> dict:
    order = _orders.get(order_id)
    if order is None:
        raise HTTPException(404, f"no order {order_id}")
    return order


@app.get("/orders")
def list_orders():
    return list(_orders.values())


@app.post("/orders", status_code=201)
def create_order(body: dict):
    order = {"id": next(_ids), "status": "pending", **body}
    _orders[order["id"]] = order
    return order


@app.get("/orders/{order_id}")
def get_order(order_id: int):
    return _find(order_id)


@app.post("/orders/{order_id}/cancel")
def cancel_order(order_id: int):
    order = _find(order_id)
    if order["status"] == "shipped":
        raise HTTPException(409, f"order {order_id} has shipped")
    order["status"] = "cancelled"
    return order
