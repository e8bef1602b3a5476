from collections import defaultdict
from collections.abc import Callable
from typing import Any

Handler = Callable[[Any], object]


class EventBus:
    def __init__(self) -> None:
        self._handlers: defaultdict[str, list[Handler]] = defaultdict(list)

    def subscribe(self, topic: str, handler: Handler) -> None:
        if handler not in self._handlers[topic]:
            self._handlers[topic].append(handler)

    def unsubscribe(self, topic: str, handler: Handler) -> bool:
        handlers = self._handlers.get(topic, [])
        if handler in handlers:
            handlers.remove(handler)
            return True
        return False

    def publish(self, topic: str, event: Any) -> int:
        handlers = list(self._handlers.get(topic, []))
        errors: list[Exception] = []
        for handler in handlers:
            try:
                handler(event)
            except Exception as exc:
                errors.append(exc)
        if errors:
            raise ExceptionGroup(f"handlers failed on {topic!r}", errors)
        return len(handlers)

    def subscriber_count(self, topic: str) -> int:
        return len(self._handlers.get(topic, []))
