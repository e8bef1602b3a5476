from datetime import datetime
from unittest.mock import Mock

from reminders import User, send_reminder


def at(hour):
    return lambda: datetime(2026, 5, 4, hour, 0)


def test_sent_in_the_afternoon():
    client = Mock()
    client.post.return_value = 202
    assert send_reminder(client, at(15), User(1, "a@x.io"), 3)


def test_not_sent_at_night():
    client = Mock()
    client.post.return_value = 202
    assert not send_reminder(client, at(23), User(1, "a@x.io"), 3)


def test_not_sent_to_opted_out():
    client = Mock()
    client.post.return_value = 202
    assert not send_reminder(client, at(15), User(1, "a@x.io", opted_out=True), 3)


def test_rejected_status():
    client = Mock()
    client.post.return_value = 500
    assert not send_reminder(client, at(15), User(1, "a@x.io"), 3)


def test_nothing_due():
    client = Mock()
    client.post.return_value = 202
    assert not send_reminder(client, at(15), User(1, "a@x.io"), 0)
