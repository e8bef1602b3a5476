import inspect
import weakref
from collections import defaultdict
from collections.abc import Callable
from typing import Any

Handler = Callable[[Any], object]


class EventBus:
    def __init__(self) -> None:
        self._refs: defaultdict[str, list[Callable[[], Handler | None]]] = defaultdict(list)

    def _live(self, topic: str) -> list[Handler]:
        refs = self._refs.get(topic, [])
        refs[:] = [r for r in refs if r() is not None]
        return [h for r in refs if (h := r()) is not None]

    def subscribe(self, topic: str, handler: Handler) -> None:
        if handler in self._live(topic):
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
        handlers = self._live(topic)
        for handler in handlers:
            handler(event)
        return len(handlers)

    def subscriber_count(self, topic: str) -> int:
        return len(self._live(topic))
