"""A product catalogue kept in memory, with validated CRUD endpoints."""

from typing import Annotated

from fastapi import FastAPI, HTTPException, Response, status
from pydantic import BaseModel, Field, field_validator

Sku = Annotated[str, Field(pattern=r"^[A-Z0-9-]{3,20}$")]
Name = Annotated[str, Field(min_length=1, max_length=100)]
PriceCents = Annotated[int, Field(gt=0)]
Quantity = Annotated[int, Field(ge=0)]
Description = Annotated[str | None, Field(max_length=500)]

app = FastAPI(title="Catalogue")


class ItemFields(BaseModel):
    """What PUT sends: every field but the sku, which the URL names."""

    name: Name
    price_cents: PriceCents
    quantity: Quantity = 0
    description: Description = None


class ItemCreate(ItemFields):
    sku: Sku


class ItemPatch(BaseModel):
    """Any subset of the fields; what the client left out stays unset."""

    name: Name | None = None
    price_cents: PriceCents | None = None
    quantity: Quantity | None = None
    description: Description = None

    @field_validator("name", "price_cents", "quantity")
    @classmethod
    def _not_null(cls, value: object) -> object:
        # Defaults are not validated, so this only runs for a value the client sent.
        if value is None:
            raise ValueError("may be left out, but not set to null")
        return value


class Item(BaseModel):
    sku: str
    name: str
    price_cents: int
    quantity: int
    description: str | None


_items: dict[str, Item] = {}


def _find(sku: str) -> Item:
    item = _items.get(sku)
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no item with sku {sku!r}")
    return item


@app.post("/items", status_code=status.HTTP_201_CREATED)
def create_item(body: ItemCreate, response: Response) -> Item:
    if body.sku in _items:
        raise HTTPException(status.HTTP_409_CONFLICT, f"sku {body.sku!r} already exists")
    item = Item.model_validate(body.model_dump())
    _items[item.sku] = item
    response.headers["Location"] = app.url_path_for("read_item", sku=item.sku)
    return item


@app.get("/items/{sku}")
def read_item(sku: str) -> Item:
    return _find(sku)


@app.put("/items/{sku}")
def replace_item(sku: str, body: ItemFields) -> Item:
    _find(sku)
    item = Item(sku=sku, **body.model_dump())
    _items[sku] = item
    return item


@app.patch("/items/{sku}")
def update_item(sku: str, body: ItemPatch) -> Item:
    item = _find(sku).model_copy(update=body.model_dump(exclude_unset=True))
    _items[sku] = item
    return item


@app.delete("/items/{sku}", status_code=status.HTTP_204_NO_CONTENT)
def delete_item(sku: str) -> None:
    _find(sku)
    del _items[sku]
