SETTINGS_FILE = """# web tier
host = api.internal
port=8080

workers= 8
"""


def _raises(call, expected, label):
    try:
        value = call()
    except expected as exc:
        return exc
    except Exception as exc:
        raise AssertionError(f"{label} raised {exc!r}, expected {expected.__name__}") from None
    raise AssertionError(f"{label} returned {value!r}, expected {expected.__name__}")


def check_hierarchy(solution):
    names = ["ConfigError", "MissingSettingError", "InvalidSettingError", "StorageError"]
    missing = [name for name in names if not hasattr(solution, name)]
    assert not missing, f"the module does not define {missing}"
    parents = {name: [p.__name__ for p in getattr(solution, name).__mro__[1:-2]] for name in names}
    assert issubclass(solution.MissingSettingError, solution.ConfigError), (
        "MissingSettingError must be a ConfigError"
    )
    assert not issubclass(solution.StorageError, solution.ConfigError), (
        "StorageError is not a configuration mistake: it must not be a ConfigError"
    )
    missing_error = solution.MissingSettingError("host")
    invalid_error = solution.InvalidSettingError("port", "must be positive")
    return [parents, missing_error.key, invalid_error.key, invalid_error.reason]


def check_missing_key_translated(solution):
    exc = _raises(
        lambda: solution.read_setting({"port": "80"}, "host"),
        solution.MissingSettingError,
        "read_setting(..., 'host')",
    )
    assert isinstance(exc.__cause__, KeyError), (
        f"MissingSettingError.__cause__ is {exc.__cause__!r}; raise it from the KeyError"
    )
    return [exc.key, type(exc.__cause__).__name__, exc.__suppress_context__]


def check_bad_int_translated(solution):
    settings = {"port": "http", "big": "70000", "padded": " 8080 "}
    not_int = _raises(
        lambda: solution.read_int(settings, "port", low=1, high=65535),
        solution.InvalidSettingError,
        "read_int of 'http'",
    )
    assert isinstance(not_int.__cause__, ValueError), (
        f"for a non-integer the cause is {not_int.__cause__!r}, expected the ValueError of int()"
    )
    too_big = _raises(
        lambda: solution.read_int(settings, "big", low=1, high=65535),
        solution.InvalidSettingError,
        "read_int of 70000 with high=65535",
    )
    assert too_big.__cause__ is None and too_big.__context__ is None, (
        f"an out-of-range value has no underlying error, yet __cause__={too_big.__cause__!r} "
        f"and __context__={too_big.__context__!r}"
    )
    absent = _raises(
        lambda: solution.read_int(settings, "workers", low=1, high=4),
        solution.MissingSettingError,
        "read_int of a missing key",
    )
    return [
        not_int.key,
        too_big.key,
        absent.key,
        solution.read_int(settings, "padded", low=1, high=65535),
    ]


def check_storage_error_chained(solution):
    failure = FileNotFoundError(2, "No such file or directory")

    def opener(path):
        raise failure

    exc = _raises(
        lambda: solution.load_settings("/etc/app/settings.env", opener),
        solution.StorageError,
        "load_settings with a failing opener",
    )
    assert isinstance(exc, solution.AppError) and not isinstance(exc, OSError), (
        "StorageError must be an AppError, not an OSError"
    )
    assert exc.__cause__ is failure, (
        f"StorageError.__cause__ is {exc.__cause__!r}, not the opener's FileNotFoundError"
    )
    return True


def check_parses_settings_file(solution):
    return solution.load_settings("settings.env", lambda path: SETTINGS_FILE)


def check_notes_locate_errors(solution):
    duplicate = SETTINGS_FILE + "host = other\n"
    twice = _raises(
        lambda: solution.load_settings("web.env", lambda p: duplicate),
        solution.InvalidSettingError,
        "a file defining host twice",
    )
    malformed = "host=a\nthis line has no equals sign\n"
    broken = _raises(
        lambda: solution.load_settings("web.env", lambda p: malformed),
        solution.ConfigError,
        "a file with a line that has no '='",
    )
    notes = [getattr(twice, "__notes__", None), getattr(broken, "__notes__", None)]
    assert notes == [["web.env:6"], ["web.env:2"]], (
        f"the errors carry the notes {notes}; expected ['web.env:6'] and ['web.env:2']"
    )
    assert "web.env" not in str(twice), (
        f"the location belongs in a note, not in the message: {str(twice)!r}"
    )
    return [type(twice).__name__, twice.key, type(broken).__name__, notes]


def check_group_collects_all(solution):
    group = _raises(
        lambda: solution.validate_server({"port": "x", "workers": "0"}),
        ExceptionGroup,
        "validate_server with three bad fields",
    )
    assert group.message == "invalid server settings", f"the group's message is {group.message!r}"
    all_three = [[type(e).__name__, e.key] for e in group.exceptions]
    one = _raises(
        lambda: solution.validate_server({"host": "h", "port": "0"}),
        ExceptionGroup,
        "validate_server with only a bad port",
    )
    valid = solution.validate_server({"host": "h", "port": "443"})
    tuned = solution.validate_server({"host": "h", "port": "443", "workers": "16"})
    return [
        all_three,
        [[type(e).__name__, e.key] for e in one.exceptions],
        [valid.host, valid.port, valid.workers, tuned.workers],
    ]


def check_except_star_summary(solution):
    def problems(settings):
        try:
            return solution.config_problems(settings)
        except Exception as exc:
            raise AssertionError(f"config_problems({settings!r}) raised {exc!r}") from None

    results = [
        problems({"port": "x", "workers": "0"}),
        problems({"host": "", "workers": "2"}),
        problems({"host": "h", "port": "80"}),
    ]
    _raises(lambda: solution.config_problems(None), TypeError, "config_problems(None)")
    return results
