import weakref
from collections import defaultdict
from collections.abc import Callable
from typing import Any

Handler = Callable[[Any], object]


class EventBus:
    """Holds every handler through a weak reference so that no subscriber is kept alive."""

    def __init__(self) -> None:
        self._refs: defaultdict[str, list[weakref.ref]] = defaultdict(list)

    def _live(self, topic: str) -> list[Handler]:
        refs = self._refs.get(topic, [])
        refs[:] = [r for r in refs if r() is not None]
        return [h for r in refs if (h := r()) is not None]

    def subscribe(self, topic: str, handler: Handler) -> None:
        if handler not in self._live(topic):
            self._refs[topic].append(weakref.ref(handler))

    def unsubscribe(self, topic: str, handler: Handler) -> bool:
        refs = self._refs.get(topic, [])
        for i, ref in enumerate(refs):
            if ref() == handler:
                del refs[i]
                return True
        return False

    def publish(self, topic: str, event: Any) -> int:
        handlers = self._live(topic)
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
        return len(self._live(topic))
