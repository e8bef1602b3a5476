"""Your tests for reminders.send_reminder. Run them with: pytest test_solution.py"""

from datetime import datetime
from unittest.mock import Mock

from reminders import User, send_reminder


def test_a_due_user_gets_a_reminder_in_the_afternoon() -> None:
    client = Mock()
    client.post.return_value = 202
    sent = send_reminder(client, lambda: datetime(2026, 5, 4, 15, 0), User(1, "a@x.io"), 3)
    assert sent is True
