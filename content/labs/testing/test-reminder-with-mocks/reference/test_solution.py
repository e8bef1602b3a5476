from collections.abc import Callable
from datetime import datetime
from unittest.mock import Mock, call

import pytest

from reminders import User, send_reminder

USER = User(7, "ada@example.com")
PAYLOAD = {"user_id": 7, "email": "ada@example.com", "due": 3}


def at(hour: int) -> Callable[[], datetime]:
    return lambda: datetime(2026, 5, 4, hour, 30)


@pytest.fixture
def client() -> Mock:
    fake = Mock()
    fake.post.return_value = 202
    return fake


def test_sends_the_expected_request(client: Mock) -> None:
    assert send_reminder(client, at(15), USER, 3) is True
    client.post.assert_called_once_with("/reminders", json=PAYLOAD)


@pytest.mark.parametrize("hour", [22, 23, 0, 6])
def test_quiet_hours_send_nothing(client: Mock, hour: int) -> None:
    assert send_reminder(client, at(hour), USER, 3) is False
    client.post.assert_not_called()


@pytest.mark.parametrize("hour", [7, 21])
def test_the_edges_of_the_day_are_allowed(client: Mock, hour: int) -> None:
    assert send_reminder(client, at(hour), USER, 3) is True


def test_opted_out_users_and_empty_queues_get_nothing(client: Mock) -> None:
    assert send_reminder(client, at(15), User(7, "ada@example.com", opted_out=True), 3) is False
    assert send_reminder(client, at(15), USER, 0) is False
    client.post.assert_not_called()


def test_one_timeout_is_retried_with_the_same_request(client: Mock) -> None:
    client.post.side_effect = [TimeoutError(), 202]
    assert send_reminder(client, at(15), USER, 3) is True
    assert client.post.call_args_list == [call("/reminders", json=PAYLOAD)] * 2


def test_a_second_timeout_propagates(client: Mock) -> None:
    client.post.side_effect = TimeoutError()
    with pytest.raises(TimeoutError):
        send_reminder(client, at(15), USER, 3)
    assert client.post.call_count == 2


@pytest.mark.parametrize("status", [200, 204, 500])
def test_only_202_counts_as_sent(client: Mock, status: int) -> None:
    client.post.return_value = status
    assert send_reminder(client, at(15), USER, 3) is False
