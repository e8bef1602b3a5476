"""Your integration tests for users.UserRepository, on a real SQLite database."""

import sqlite3

import pytest

from users import UserRepository


@pytest.fixture
def repo() -> UserRepository:
    return UserRepository(sqlite3.connect(":memory:"))


def test_a_new_user_is_active(repo: UserRepository) -> None:
    assert repo.add("ada@example.com", "Ada").active
