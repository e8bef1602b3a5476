from typing import Any

USERNAME_MIN_LENGTH = 3
USERNAME_MAX_LENGTH = 20
PASSWORD_MIN_LENGTH = 12
MIN_AGE = 16
MAX_AGE = 130


def validate_signup(form: dict[str, Any]) -> str | None:
    """Return the first problem with a sign-up form, or None when it is acceptable."""
    username = form.get("username")
    if username is None:
        return "username is required"
    if len(username) < USERNAME_MIN_LENGTH or len(username) >= USERNAME_MAX_LENGTH:
        return f"username must be {USERNAME_MIN_LENGTH} to {USERNAME_MAX_LENGTH} characters"
    if not all(_is_username_char(char) for char in username):
        return "username may only contain letters, digits and underscores"

    password = form.get("password", "")
    if len(password) < PASSWORD_MIN_LENGTH:
        return f"password must be at least {PASSWORD_MIN_LENGTH} characters"
    has_digit = any(char.isdigit() for char in password)
    has_letter = any(char.isalpha() for char in password)
    if not (has_digit and has_letter):
        return "password needs a letter and a digit"
    if username.lower() in password.lower():
        return "password must not contain the username"

    age = form.get("age")
    if age is None:
        return "age is required"
    if not MIN_AGE <= age <= MAX_AGE:
        return f"age must be between {MIN_AGE} and {MAX_AGE}"
    return None


def _is_username_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char == "_")
