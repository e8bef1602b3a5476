from typing import Any

Product = dict[str, Any]


class ProductRepository:
    def __init__(self, cache, db, ttl_seconds: int = 300) -> None:
        raise NotImplementedError

    def get(self, product_id: int) -> Product | None:
        raise NotImplementedError

    def save(self, product_id: int, product: Product) -> None:
        raise NotImplementedError
