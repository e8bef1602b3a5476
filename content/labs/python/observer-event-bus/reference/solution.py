from __future__ import annotations

import inspect
import weakref
from collections import defaultdict
from collections.abc import Callable
from typing import Any

Handler = Callable[[Any], object]
#: Returns the handler, or None once a weakly held one has been collected.
HandlerRef = Callable[[], Handler | None]


class _StrongRef:
    """Same call shape as a weakref, for callables the bus must keep alive itself."""

    __slots__ = ("_handler",)

    def __init__(self, handler: Handler) -> None:
        self._handler = handler

    def __call__(self) -> Handler:
        return self._handler


def _reference(handler: Handler) -> HandlerRef:
    if inspect.ismethod(handler):
        return weakref.WeakMethod(handler)
    return _StrongRef(handler)


class EventBus:
    """Publish/subscribe by topic; bound-method subscribers are held weakly."""

    def __init__(self) -> None:
        self._topics: defaultdict[str, list[HandlerRef]] = defaultdict(list)

    def subscribe(self, topic: str, handler: Handler) -> None:
        if handler not in self._live(topic):
            self._topics[topic].append(_reference(handler))

    def unsubscribe(self, topic: str, handler: Handler) -> bool:
        refs = self._topics.get(topic, [])
        for index, ref in enumerate(refs):
            if ref() == handler:
                del refs[index]
                return True
        return False

    def publish(self, topic: str, event: Any) -> int:
        handlers = self._live(topic)  # a snapshot: changes made by handlers apply next time
        errors: list[Exception] = []
        for handler in handlers:
            try:
                handler(event)
            except Exception as exc:
                errors.append(exc)
        if errors:
            raise ExceptionGroup(
                f"{len(errors)} of {len(handlers)} handlers failed on {topic!r}", errors
            )
        return len(handlers)

    def subscriber_count(self, topic: str) -> int:
        return len(self._live(topic))

    def _live(self, topic: str) -> list[Handler]:
        """The live handlers of `topic`, pruning the ones whose object was collected."""
        refs = self._topics.get(topic)
        if not refs:
            return []
        pairs = [(ref, ref()) for ref in refs]
        refs[:] = [ref for ref, handler in pairs if handler is not None]
        return [handler for _, handler in pairs if handler is not None]
