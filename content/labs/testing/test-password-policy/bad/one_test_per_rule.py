from policy import violations


def test_strong():
    assert violations("correct-horse-42-battery", "ada") == []


def test_short():
    assert "too_short" in violations("a1", "ada")


def test_digits_only():
    assert "no_letter" in violations("123456789012345", "ada")


def test_username():
    assert "contains_username" in violations("ada-password-123", "ada")


def test_repeated():
    assert "repeated" in violations("aaaaaaaa-123456", "ada")
