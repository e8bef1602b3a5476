from collections.abc import Callable
from typing import Any


class EventBus:
    """Publish/subscribe by topic; bound-method subscribers are held weakly."""

    def subscribe(self, topic: str, handler: Callable[[Any], object]) -> None:
        raise NotImplementedError

    def unsubscribe(self, topic: str, handler: Callable[[Any], object]) -> bool:
        raise NotImplementedError

    def publish(self, topic: str, event: Any) -> int:
        raise NotImplementedError

    def subscriber_count(self, topic: str) -> int:
        raise NotImplementedError
