def validate_signup(f):
    """Return the first problem with a sign-up form, or None when it is acceptable."""
    u = f.get("username")
    if u is not None:
        if 3 <= len(u) <= 20:
            ok = True
            for c in u:
                if not (c.isascii() and (c.isalnum() or c == "_")):
                    ok = False
            if ok:
                p = f.get("password", "")
                if len(p) >= 12:
                    d = False
                    l = False
                    for c in p:
                        if c.isdigit():
                            d = True
                        elif c.isalpha():
                            l = True
                    if d and l:
                        if u.lower() not in p.lower():
                            a = f.get("age")
                            if a is not None:
                                if 16 <= a <= 130:
                                    return None
                                else:
                                    return "age must be between 16 and 130"
                            else:
                                return "age is required"
                        else:
                            return "password must not contain the username"
                    else:
                        return "password needs a letter and a digit"
                else:
                    return "password must be at least 12 characters"
            else:
                return "username may only contain letters, digits and underscores"
        else:
            return "username must be 3 to 20 characters"
    else:
        return "username is required"
