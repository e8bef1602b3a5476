"""A product catalogue kept in memory, with validated CRUD endpoints."""

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI(title="Catalogue")


class Item(BaseModel):
    """An item as stored and returned: sku, name, price_cents, quantity, description."""

    # Declare the fields and their constraints; add the request models you need.


@app.post("/items")
def create_item() -> Item:
    raise NotImplementedError


@app.get("/items/{sku}")
def read_item(sku: str) -> Item:
    raise NotImplementedError


@app.put("/items/{sku}")
def replace_item(sku: str) -> Item:
    raise NotImplementedError


@app.patch("/items/{sku}")
def update_item(sku: str) -> Item:
    raise NotImplementedError


@app.delete("/items/{sku}")
def delete_item(sku: str) -> None:
    raise NotImplementedError
