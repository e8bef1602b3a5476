from decimal import Decimal


class Money:
    """An immutable amount of one currency."""

    def __init__(self, amount: Decimal | int, currency: str) -> None:
        raise NotImplementedError
