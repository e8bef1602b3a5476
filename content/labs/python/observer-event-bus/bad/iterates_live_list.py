import inspect
import weakref
from collections import defaultdict
from collections.abc import Callable
from typing import Any

Handler = Callable[[Any], object]


class EventBus:
    def __init__(self) -> None:
        self._refs: defaultdict[str, list[Callable[[], Handler | None]]] = defaultdict(list)

    def subscribe(self, topic: str, handler: Handler) -> None:
        if any(ref() == handler for ref in self._refs[topic]):
            return
        if inspect.ismethod(handler):
            self._refs[topic].append(weakref.WeakMethod(handler))
        else:
            self._refs[topic].append(lambda h=handler: h)

    def unsubscribe(self, topic: str, handler: Handler) -> bool:
        refs = self._refs.get(topic, [])
        for i, ref in enumerate(refs):
            if ref() == handler:
                del refs[i]
                return True
        return False

    def publish(self, topic: str, event: Any) -> int:
        called = 0
        errors: list[Exception] = []
        for ref in self._refs.get(topic, []):
            handler = ref()
            if handler is None:
                continue
            called += 1
            try:
                handler(event)
            except Exception as exc:
                errors.append(exc)
        if errors:
            raise ExceptionGroup(f"handlers failed on {topic!r}", errors)
        return called

    def subscriber_count(self, topic: str) -> int:
        return sum(1 for ref in self._refs.get(topic, []) if ref() is not None)
