from unittest import mock


class FakeSender:
    """A MailSender by shape only: it inherits nothing."""

    def __init__(self, failures=()):
        self.sent, self.failures, self.errors = [], list(failures), []

    def send(self, to, subject, body):
        self.sent.append([to, subject, body])
        if self.failures:
            error = self.failures.pop(0)
            self.errors.append(error)
            raise error


def _as_list(to, subject, body):
    """One send() call's arguments, however they were passed."""
    return [to, subject, body]


def _order(solution, **changes):
    fields = {
        "id": 1042,
        "email": "ada@example.com",
        "customer": "Ada",
        "items": (("Blue mug", 2), ("Tea towel", 1)),
        "tracking": "1Z999",
    }
    fields.update(changes)
    return solution.Order(**fields)


def _notifier(solution, sender, sleeps, **options):
    return solution.OrderNotifier(sender, sleep=sleeps.append, **options)


def check_depends_on_protocol(solution):
    protocol = solution.MailSender
    assert getattr(protocol, "_is_protocol", False), "MailSender is not a typing.Protocol"
    assert isinstance(FakeSender(), protocol), "an object with send() is not a MailSender"
    assert not isinstance(object(), protocol), "an object without send() passes as a MailSender"
    built = []
    original = getattr(solution, "SmtpClient", None)
    if original is not None:
        solution.SmtpClient = lambda *args, **kwargs: built.append(1) or original(*args, **kwargs)
    try:
        try:
            solution.OrderNotifier()
        except TypeError:
            pass
        else:
            raise AssertionError(
                "OrderNotifier() without a sender was accepted: it must not pick a client itself"
            )
        solution.OrderNotifier(FakeSender())
    finally:
        if original is not None:
            solution.SmtpClient = original
    assert built == [], "building an OrderNotifier created an SmtpClient"
    return True


def check_formats_message(solution):
    sender = FakeSender()
    _notifier(solution, sender, []).order_shipped(_order(solution))
    assert len(sender.sent) == 1, f"one shipped order sent {len(sender.sent)} mails"
    return sender.sent[0]


def check_without_tracking(solution):
    sender = FakeSender()
    order = _order(solution, id=7, customer="Lin", items=(("Kettle", 1),), tracking=None)
    _notifier(solution, sender, []).order_shipped(order)
    return sender.sent


def check_retries_transient_errors(solution):
    sleeps = []
    sender = FakeSender([solution.TransientMailError("busy"), solution.TransientMailError("busy")])
    _notifier(solution, sender, sleeps, retry_delay=0.5).order_shipped(_order(solution))
    assert len(sender.sent) == 3, f"2 transient failures then success took {len(sender.sent)} sends"
    assert sleeps == [0.5, 0.5], f"the waits between the 3 attempts were {sleeps}"
    return [len(sender.sent), sleeps]


def check_gives_up_with_cause(solution):
    sleeps = []
    sender = FakeSender([solution.TransientMailError(f"busy {i}") for i in range(1, 10)])
    notifier = _notifier(solution, sender, sleeps, max_attempts=4, retry_delay=2)
    try:
        notifier.order_shipped(_order(solution))
    except solution.NotificationFailed as exc:
        assert exc.__cause__ is sender.errors[-1], (
            f"NotificationFailed.__cause__ is {exc.__cause__!r}; it should be the last "
            "TransientMailError, set with raise ... from ..."
        )
        assert exc.order_id == 1042, f"NotificationFailed.order_id is {exc.order_id!r}"
        cause = str(exc.__cause__)
    except Exception as exc:
        raise AssertionError(f"after 4 transient failures order_shipped raised {exc!r}") from None
    else:
        raise AssertionError("every attempt failed, yet order_shipped returned normally")
    assert len(sender.sent) == 4 and sleeps == [2, 2, 2], (
        f"max_attempts=4 made {len(sender.sent)} sends and slept {sleeps}"
    )
    return [len(sender.sent), sleeps, cause]


def check_other_errors_not_retried(solution):
    sleeps = []
    bug = ValueError("malformed address")
    sender = FakeSender([bug])
    try:
        _notifier(solution, sender, sleeps).order_shipped(_order(solution))
    except ValueError as exc:
        assert exc is bug, f"the sender's ValueError was replaced by {exc!r}"
    except Exception as exc:
        raise AssertionError(f"a ValueError from the sender came out as {exc!r}") from None
    else:
        raise AssertionError("the sender raised ValueError, but order_shipped returned normally")
    assert len(sender.sent) == 1 and sleeps == [], (
        f"a non-transient error was retried: {len(sender.sent)} sends, sleeps {sleeps}"
    )
    return [len(sender.sent), sleeps]


def check_works_with_mock(solution):
    sender = mock.Mock(spec=solution.MailSender)
    sender.send.side_effect = [solution.TransientMailError("greylisted"), None]
    sleeps = []
    _notifier(solution, sender, sleeps, retry_delay=30).order_shipped(
        _order(solution, id=9, items=())
    )
    calls = [_as_list(*c.args, **c.kwargs) for c in sender.send.call_args_list]
    return [calls, sleeps]


def check_rejects_bad_max_attempts(solution):
    for value in (0, -1):
        try:
            solution.OrderNotifier(FakeSender(), max_attempts=value)
        except ValueError:
            continue
        raise AssertionError(f"max_attempts={value} was accepted")
    return True
