"""Your tests for policy.violations. Run them with: pytest test_solution.py"""

from policy import violations


def test_a_strong_password_breaks_no_rule() -> None:
    assert violations("correct-horse-42-battery", "ada") == []
