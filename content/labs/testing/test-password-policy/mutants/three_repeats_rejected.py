"""The password policy for sign-up (the module under test; do not edit it)."""

import re

MIN_LENGTH = 12
RULES = ("too_short", "no_letter", "no_digit", "contains_username", "repeated")


def violations(password: str, username: str) -> list[str]:
    """The rules `password` breaks, as codes in the order of RULES; [] when it is acceptable.

    - too_short: fewer than 12 characters;
    - no_letter / no_digit: no letter, or no digit, anywhere;
    - contains_username: the username appears in it, ignoring case (only for usernames of at
      least 3 characters: shorter ones would match too much);
    - repeated: the same character 4 or more times in a row.
    """
    found = []
    if len(password) < MIN_LENGTH:
        found.append("too_short")
    if not any(c.isalpha() for c in password):
        found.append("no_letter")
    if not any(c.isdigit() for c in password):
        found.append("no_digit")
    if len(username) >= 3 and username.lower() in password.lower():
        found.append("contains_username")
    if re.search(r"(.)\1{2}", password):
        found.append("repeated")
    return found
