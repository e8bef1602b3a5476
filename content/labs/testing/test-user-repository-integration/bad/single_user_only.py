import sqlite3

import pytest

from users import DuplicateEmail, UserRepository


@pytest.fixture
def repo():
    return UserRepository(sqlite3.connect(":memory:"))


def test_add_and_get(repo):
    user = repo.add("ada@example.com", "Ada")
    assert repo.get(user.id) == user


def test_duplicate(repo):
    repo.add("ada@example.com", "Ada")
    with pytest.raises(DuplicateEmail):
        repo.add("ada@example.com", "Ada")


def test_list(repo):
    repo.add("ada@example.com", "Ada")
    assert len(repo.active_users()) == 1


def test_deactivate(repo):
    user = repo.add("ada@example.com", "Ada")
    assert repo.deactivate(user.id)
    assert repo.active_users() == []
