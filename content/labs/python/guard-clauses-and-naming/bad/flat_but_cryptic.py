MIN_USER, MAX_USER = 3, 20
MIN_PASS = 12
MIN_AGE, MAX_AGE = 16, 130


def validate_signup(f):
    """Return the first problem with a sign-up form, or None when it is acceptable."""
    u = f.get("username")
    if u is None:
        return "username is required"
    if not MIN_USER <= len(u) <= MAX_USER:
        return f"username must be {MIN_USER} to {MAX_USER} characters"
    for c in u:
        if not (c.isascii() and (c.isalnum() or c == "_")):
            return "username may only contain letters, digits and underscores"
    p = f.get("password", "")
    if len(p) < MIN_PASS:
        return f"password must be at least {MIN_PASS} characters"
    if not (any(c.isdigit() for c in p) and any(c.isalpha() for c in p)):
        return "password needs a letter and a digit"
    if u.lower() in p.lower():
        return "password must not contain the username"
    a = f.get("age")
    if a is None:
        return "age is required"
    if not MIN_AGE <= a <= MAX_AGE:
        return f"age must be between {MIN_AGE} and {MAX_AGE}"
    return None
