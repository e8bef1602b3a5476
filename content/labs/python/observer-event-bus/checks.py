import gc
import weakref


class Listener:
    def __init__(self, name, log):
        self.name, self.log = name, log

    def on_event(self, event):
        self.log.append(f"{self.name}:{event}")


def _publish(bus, topic, event):
    try:
        return bus.publish(topic, event)
    except Exception as exc:
        raise AssertionError(f"publish({topic!r}, {event!r}) raised {exc!r}") from None


def check_delivers_in_subscription_order(solution):
    bus, log = solution.EventBus(), []
    first, third = Listener("first", log), Listener("third", log)
    bus.subscribe("order.paid", first.on_event)
    bus.subscribe("order.paid", lambda e: log.append(f"second:{e}"))
    bus.subscribe("order.paid", third.on_event)
    bus.subscribe("user.deleted", lambda e: log.append(f"other-topic:{e}"))
    count = _publish(bus, "order.paid", 17)
    assert log == ["first:17", "second:17", "third:17"], f"handlers saw {log}"
    return [count, _publish(bus, "nobody.listens", 1), bus.subscriber_count("order.paid"), log]


def check_duplicates_and_unsubscribe(solution):
    bus, log = solution.EventBus(), []
    listener = Listener("l", log)

    def audit(event):
        log.append(f"audit:{event}")

    bus.subscribe("t", audit)
    bus.subscribe("t", audit)
    bus.subscribe("t", listener.on_event)
    bus.subscribe("t", listener.on_event)
    count = _publish(bus, "t", 1)
    assert count == 2, f"two distinct handlers, each subscribed twice, gave {count} deliveries"
    removed = [
        bus.unsubscribe("t", listener.on_event),  # a new bound-method object, equal to the old
        bus.unsubscribe("t", listener.on_event),
        bus.unsubscribe("t", audit),
        bus.unsubscribe("elsewhere", audit),
    ]
    assert removed[0], "unsubscribe(topic, obj.method) did not find the subscribed method"
    return [removed, _publish(bus, "t", 2), log]


def check_failing_handler_does_not_stop_others(solution):
    bus, log = solution.EventBus(), []

    def ok(name):
        return lambda e: log.append(name)

    def fail(error):
        def handler(event):
            log.append(type(error).__name__)
            raise error

        return handler

    bus.subscribe("t", ok("a"))
    bus.subscribe("t", fail(ValueError("bad amount")))
    bus.subscribe("t", ok("b"))
    bus.subscribe("t", fail(KeyError("customer")))
    bus.subscribe("t", ok("c"))
    try:
        bus.publish("t", None)
    except ExceptionGroup as group:
        assert log == ["a", "ValueError", "b", "KeyError", "c"], f"handlers ran: {log}"
        return [[type(e).__name__, str(e)] for e in group.exceptions]
    except Exception as exc:
        raise AssertionError(
            f"publish raised {exc!r} after running only {log}; expected an ExceptionGroup "
            "once every handler had run"
        ) from None
    raise AssertionError("two handlers raised but publish returned normally")


def check_bound_methods_held_weakly(solution):
    bus, log = solution.EventBus(), []
    listener = Listener("cache", log)
    bus.subscribe("t", listener.on_event)  # nothing but the listener keeps this method alive
    before = [_publish(bus, "t", 1), bus.subscriber_count("t")]
    assert log == ["cache:1"], f"a live listener's method received {log}"
    alive = weakref.ref(listener)
    del listener
    gc.collect()
    assert alive() is None, "the bus still holds the Listener after every other reference is gone"
    after = [_publish(bus, "t", 2), bus.subscriber_count("t")]
    assert after == [0, 0], f"after the listener was collected, publish/count gave {after}"
    return [before, after, log]


def check_plain_functions_held_strongly(solution):
    bus, log = solution.EventBus(), []
    bus.subscribe("t", lambda e: log.append(f"lambda:{e}"))
    bus.subscribe("t", log.append)
    gc.collect()
    count = _publish(bus, "t", "x")
    assert count == 2, f"inline callables were dropped: publish called {count} handlers"
    return [count, log]


def check_changes_during_publish(solution):
    bus, log = solution.EventBus(), []

    def once(event):
        log.append(f"once:{event}")
        bus.unsubscribe("t", once)

    def after_once(event):
        log.append(f"after:{event}")

    def recruiter(event):
        log.append(f"recruiter:{event}")
        bus.subscribe("t", late)

    def late(event):
        log.append(f"late:{event}")

    for handler in (once, after_once, recruiter):
        bus.subscribe("t", handler)
    first = _publish(bus, "t", 1)
    assert log == ["once:1", "after:1", "recruiter:1"], (
        f"first publish delivered {log}; expected once, after, recruiter"
    )
    second = _publish(bus, "t", 2)
    return [first, second, log]
