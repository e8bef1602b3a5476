import sqlite3
from collections.abc import Iterator

import pytest

from users import DuplicateEmail, UserRepository


@pytest.fixture
def repo() -> Iterator[UserRepository]:
    conn = sqlite3.connect(":memory:")
    yield UserRepository(conn)
    conn.close()


def test_added_users_can_be_read_back(repo: UserRepository) -> None:
    added = repo.add("Ada@Example.com", "Ada")
    assert repo.get(added.id) == added
    assert added.email == "ada@example.com" and added.active
    assert repo.get(added.id + 1) is None


def test_emails_are_unique_whatever_their_case(repo: UserRepository) -> None:
    repo.add("ada@example.com", "Ada")
    with pytest.raises(DuplicateEmail):
        repo.add("ADA@example.com", "Ada again")
    assert len(repo.active_users()) == 1


def test_active_users_are_listed_oldest_first(repo: UserRepository) -> None:
    ids = [repo.add(f"u{i}@example.com", f"U{i}").id for i in range(3)]
    assert [u.id for u in repo.active_users()] == ids


def test_deactivating_hides_only_that_user(repo: UserRepository) -> None:
    ada, bob = repo.add("ada@example.com", "Ada"), repo.add("bob@example.com", "Bob")
    assert repo.deactivate(ada.id) is True
    assert [u.id for u in repo.active_users()] == [bob.id]
    assert repo.get(ada.id) is not None and not repo.get(ada.id).active


def test_deactivating_twice_or_an_unknown_id_reports_false(repo: UserRepository) -> None:
    ada = repo.add("ada@example.com", "Ada")
    repo.deactivate(ada.id)
    assert repo.deactivate(ada.id) is False
    assert repo.deactivate(999) is False
