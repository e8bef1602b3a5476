import pytest

from policy import violations

STRONG = "correct-horse-42-battery"


def test_a_strong_password_breaks_no_rule() -> None:
    assert violations(STRONG, "ada") == []


@pytest.mark.parametrize(
    ("password", "short"),
    [("abcdefghij1", True), ("abcdefghij12", False)],  # 11 and 12 characters
)
def test_twelve_characters_is_the_minimum(password: str, short: bool) -> None:
    assert ("too_short" in violations(password, "zed")) is short


@pytest.mark.parametrize(
    ("password", "code"),
    [("123456789012", "no_letter"), ("abcdefghijkl", "no_digit")],
)
def test_letters_and_digits_are_both_required(password: str, code: str) -> None:
    assert violations(password, "zed") == [code]


@pytest.mark.parametrize("password", ["my-ADA-password-1", "ada-is-here-1234"])
def test_the_username_is_found_whatever_its_case(password: str) -> None:
    assert violations(password, "Ada") == ["contains_username"]


def test_usernames_shorter_than_three_are_not_checked() -> None:
    assert violations("a-long-password-99", "lo") == []


@pytest.mark.parametrize(("password", "repeated"), [("passsword-1234", False), ("passssword-123", True)])
def test_four_in_a_row_is_too_many(password: str, repeated: bool) -> None:
    assert ("repeated" in violations(password, "zed")) is repeated


def test_codes_come_in_rule_order() -> None:
    assert violations("zedzzzz", "zed") == ["too_short", "no_digit", "contains_username", "repeated"]
