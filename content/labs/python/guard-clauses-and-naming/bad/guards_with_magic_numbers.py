def validate_signup(form):
    """Return the first problem with a sign-up form, or None when it is acceptable."""
    username = form.get("username")
    if username is None:
        return "username is required"
    if not 3 <= len(username) <= 20:
        return "username must be 3 to 20 characters"
    if not all(char.isascii() and (char.isalnum() or char == "_") for char in username):
        return "username may only contain letters, digits and underscores"
    password = form.get("password", "")
    if len(password) < 12:
        return "password must be at least 12 characters"
    if not (any(char.isdigit() for char in password) and any(char.isalpha() for char in password)):
        return "password needs a letter and a digit"
    if username.lower() in password.lower():
        return "password must not contain the username"
    age = form.get("age")
    if age is None:
        return "age is required"
    if not 16 <= age <= 130:
        return "age must be between 16 and 130"
    return None
