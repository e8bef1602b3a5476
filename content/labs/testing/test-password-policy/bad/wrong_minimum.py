from policy import violations


def test_eleven_characters_are_enough():
    # Misreads the policy: the minimum is 12, so 11 characters are too short.
    assert violations("abcdefghi12", "zed") == []


def test_strong():
    assert violations("correct-horse-42-battery", "ada") == []


def test_no_digit():
    assert violations("abcdefghijklmn", "zed") == ["no_digit"]
