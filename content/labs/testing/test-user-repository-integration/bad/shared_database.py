import sqlite3

from users import UserRepository

# One database for every test: each test sees what the previous ones left behind.
REPO = UserRepository(sqlite3.connect(":memory:"))


def test_add():
    assert REPO.add("ada@example.com", "Ada").id == 1


def test_add_second():
    assert REPO.add("bob@example.com", "Bob").id == 2


def test_list_after_adding():
    REPO.add("cy@example.com", "Cy")
    assert len(REPO.active_users()) == 1  # wrong: the earlier tests' users are still there


def test_get_missing():
    assert REPO.get(99) is None
