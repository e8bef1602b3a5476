import copy
import dataclasses


def _describe(value):
    if dataclasses.is_dataclass(value):
        out = {"class": type(value).__name__}
        for f in dataclasses.fields(value):
            out[f.name] = _describe(getattr(value, f.name))
        return out
    if isinstance(value, (list, tuple)):
        return [type(value).__name__] + [_describe(v) for v in value]
    if isinstance(value, dict):
        return {k: _describe(v) for k, v in value.items()}
    return value


def _field_error(solution, config):
    """The .field of the ConfigError that build_sink raises for `config`."""
    try:
        built = solution.build_sink(config)
    except solution.ConfigError as exc:
        assert isinstance(exc, ValueError), "ConfigError must be a subclass of ValueError"
        if exc.field:
            assert str(exc).startswith(f"{exc.field}: "), (
                f"str(error) is {str(exc)!r}; it should start with {exc.field + ': '!r}"
            )
        return exc.field
    except Exception as exc:
        raise AssertionError(
            f"build_sink({config!r}) raised {type(exc).__name__}: {exc}; expected a ConfigError"
        ) from None
    raise AssertionError(f"build_sink({config!r}) accepted a bad config and built {built!r}")


def check_builds_each_type(solution):
    built = [
        solution.build_sink({"type": "file", "path": "/var/log/app.log", "rotate_mb": 50}),
        solution.build_sink(
            {
                "type": "http",
                "url": "https://logs.internal/in",
                "timeout_s": 2,
                "headers": {"X-Token": "t0k"},
            }
        ),
        solution.build_sink(
            {
                "type": "fanout",
                "sinks": [
                    {"type": "file", "path": "a.log"},
                    {"type": "fanout", "sinks": [{"type": "http", "url": "http://x"}]},
                ],
            }
        ),
    ]
    timeout = built[1].timeout_s
    assert type(timeout) is float, f"timeout_s 2 was stored as {timeout!r}, not as a float"
    assert type(built[2].sinks) is tuple, "FanoutSink.sinks must be a tuple"
    return [_describe(b) for b in built]


def check_defaults_applied(solution):
    first = solution.build_sink({"type": "http", "url": "https://a"})
    second = solution.build_sink({"type": "http", "url": "https://b"})
    assert first.headers == {} and first.headers is not second.headers, (
        "two HttpSinks built without headers share one headers dict"
    )
    file_sink = solution.build_sink({"type": "file", "path": "x.log"})
    return [_describe(first), _describe(file_sink)]


def check_type_errors(solution):
    fields = [
        _field_error(solution, {"path": "x.log"}),
        _field_error(solution, {"type": "kafka", "topic": "logs"}),
        _field_error(solution, {"type": None}),
    ]
    try:
        solution.build_sink({"type": "kafka"})
    except solution.ConfigError as exc:
        listed = [name for name in ("file", "http", "fanout") if name in str(exc)]
        assert len(listed) == 3, f"the unknown-type message does not list the known types: {exc}"
    return fields


def _expect_fields(solution, cases):
    fields = []
    for config, expected in cases:
        got = _field_error(solution, config)
        assert got == expected, (
            f"build_sink({config!r}) blamed {got!r}; the bad field is {expected!r}"
        )
        fields.append(got)
    return fields


def check_field_errors(solution):
    return _expect_fields(
        solution,
        [
            ({"type": "file"}, "path"),
            ({"type": "file", "path": ""}, "path"),
            ({"type": "file", "path": "x.log", "rotate": 5}, "rotate"),
            ({"type": "file", "path": "x.log", "rotate_mb": 0}, "rotate_mb"),
            ({"type": "file", "path": "x.log", "rotate_mb": "10"}, "rotate_mb"),
            ({"type": "http", "url": "ftp://files.internal"}, "url"),
            ({"type": "http", "url": "https://a", "timeout_s": -1}, "timeout_s"),
            ({"type": "http", "url": "https://a", "headers": {"X-Token": 42}}, "headers.X-Token"),
            ({"type": "http", "url": "https://a", "headers": ["X-Token"]}, "headers"),
            ({"type": "fanout"}, "sinks"),
            ({"type": "fanout", "sinks": []}, "sinks"),
        ],
    )


def check_bool_is_not_a_number(solution):
    return _expect_fields(
        solution,
        [
            ({"type": "file", "path": "x.log", "rotate_mb": True}, "rotate_mb"),
            ({"type": "http", "url": "https://a", "timeout_s": True}, "timeout_s"),
        ],
    )


def check_nested_paths(solution):
    return _expect_fields(
        solution,
        [
            (
                {
                    "type": "fanout",
                    "sinks": [{"type": "file", "path": "a"}, {"type": "http", "url": ""}],
                },
                "sinks[1].url",
            ),
            ({"type": "fanout", "sinks": [{"path": "a"}]}, "sinks[0].type"),
            ({"type": "fanout", "sinks": [{"type": "file", "path": "a"}, "b.log"]}, "sinks[1]"),
            (
                {
                    "type": "fanout",
                    "sinks": [
                        {
                            "type": "fanout",
                            "sinks": [{"type": "file", "path": "ok"}, {"type": "file"}],
                        }
                    ],
                },
                "sinks[0].sinks[1].path",
            ),
            (
                {
                    "type": "fanout",
                    "sinks": [{"type": "http", "url": "https://a", "headers": {"H": 1}}],
                },
                "sinks[0].headers.H",
            ),
        ],
    )


def check_input_not_mutated(solution):
    config = {
        "type": "fanout",
        "sinks": [
            {"type": "http", "url": "https://a", "headers": {"X": "1"}},
            {"type": "file", "path": "b.log"},
        ],
    }
    before = copy.deepcopy(config)
    first = solution.build_sink(config)
    assert config == before, f"build_sink changed its input: {config}"
    second = solution.build_sink(config)
    assert _describe(first) == _describe(second), "building the same config twice differed"
    first.sinks[0].headers["Y"] = "2"
    assert config["sinks"][0]["headers"] == {"X": "1"}, (
        "the built sink shares its headers dict with the config"
    )
    return _describe(second)
