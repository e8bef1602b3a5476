FIELDS = ("x", "y", "dx", "dy", "text", "commands", "said", "active")


def _describe(value):
    if isinstance(value, tuple):
        return [_describe(v) for v in value]
    if type(value).__module__ == "solution":
        fields = {name: _describe(getattr(value, name)) for name in FIELDS if hasattr(value, name)}
        return [type(value).__name__, fields]
    return value


def _parse(solution, event):
    try:
        return solution.parse_command(event)
    except Exception as exc:
        raise AssertionError(f"parse_command({event!r}) raised {exc!r}") from None


def check_parses_valid_events(solution):
    events = [
        {"cmd": "move", "dx": 3, "dy": -2},
        {"cmd": "teleport", "to": [40, 7]},
        {"cmd": "say", "text": "  hello  "},
        {"cmd": "quit"},
        {"cmd": "move", "dx": 0, "dy": 0, "sent_at": "2024-05-01T10:00:00Z"},
        {
            "cmd": "batch",
            "commands": [{"cmd": "say", "text": "a"}, {"cmd": "batch", "commands": []}],
        },
    ]
    return [_describe(_parse(solution, e)) for e in events]


def check_rejects_malformed_events(solution):
    bad_events = [
        {"cmd": "move", "dx": True, "dy": 0},
        {"cmd": "move", "dx": "1", "dy": 2},
        {"cmd": "move", "dx": 1.0, "dy": 2},
        {"cmd": "move", "dx": 1},
        {"cmd": "teleport", "to": [1, 2, 3]},
        {"cmd": "teleport", "to": "12"},
        {"cmd": "teleport", "to": [1, False]},
        {"cmd": "say", "text": "   "},
        {"cmd": "say", "text": 5},
        {"cmd": "fly"},
        {"type": "move", "dx": 1, "dy": 1},
        ["move", 1, 2],
        "quit",
        None,
        {"cmd": "batch", "commands": [{"cmd": "fly"}]},
        {"cmd": "batch", "commands": "quit"},
    ]
    for event in bad_events:
        try:
            command = solution.parse_command(event)
        except solution.UnknownCommand as exc:
            assert isinstance(exc, ValueError), "UnknownCommand must be a ValueError"
            continue
        except Exception as exc:
            raise AssertionError(
                f"parse_command({event!r}) raised {exc!r}, expected UnknownCommand"
            ) from None
        raise AssertionError(f"parse_command({event!r}) accepted it as {command!r}")
    return len(bad_events)


def check_positional_class_patterns(solution):
    matched = []
    for event in ({"cmd": "teleport", "to": [5, 6]}, {"cmd": "move", "dx": -1, "dy": 4}):
        try:
            match _parse(solution, event):
                case solution.Teleport(x, y):
                    matched.append(["teleport", x, y])
                case solution.Move(dx, dy):
                    matched.append(["move", dx, dy])
        except TypeError as exc:
            raise AssertionError(f"a positional class pattern failed: {exc}") from None
    assert matched == [["teleport", 5, 6], ["move", -1, 4]], f"positional patterns gave {matched}"
    return [list(solution.Teleport.__match_args__), list(solution.Move.__match_args__), matched]


def check_apply_rules(solution):
    Move, Teleport, Say = solution.Move, solution.Teleport, solution.Say
    start = solution.Robot()
    steps = [
        Move(2, 3),
        Move(0, 0),
        Move(25, -4),
        Move(-3, -40),
        Teleport(100, 0),
        Teleport(101, 5),
        Teleport(-1, 0),
        Say("ready"),
        Say("set"),
    ]
    robot, trail = start, []
    for command in steps:
        robot = solution.apply(robot, command)
        assert robot is not None, f"apply(robot, {command!r}) returned None"
        trail.append(_describe(robot))
    assert start == solution.Robot(), "apply mutated the robot it was given"
    big = solution.apply(solution.Robot(), Move(25, -4))
    assert (big.x, big.y) == (10, -4), (
        f"Move(25, -4) from (0, 0) ended at ({big.x}, {big.y}); steps over 10 are clamped to 10"
    )
    return trail


def check_quit_stops_everything(solution):
    Move, Say, Quit, Batch = solution.Move, solution.Say, solution.Quit, solution.Batch
    robot = solution.apply(solution.Robot(), Batch((Say("bye"), Quit(), Move(1, 1), Say("ghost"))))
    after = robot
    for command in (Move(5, 5), solution.Teleport(9, 9), Say("still here?"), Batch((Move(1, 0),))):
        after = solution.apply(after, command)
    assert after == robot, f"an inactive robot changed: {_describe(robot)} -> {_describe(after)}"
    return _describe(robot)


def check_runs_script(solution):
    script = [
        "# warm-up",
        '{"cmd": "move", "dx": 4, "dy": 1}',
        "",
        '   {"cmd": "say", "text": " hi "}   ',
        '{"cmd": "batch", "commands": [{"cmd": "teleport", "to": [50, 50]},'
        ' {"cmd": "move", "dx": -12, "dy": 0}]}',
        "   # indented comment",
        '{"cmd": "quit", "reason": "done"}',
        '{"cmd": "move", "dx": 1, "dy": 1}',
    ]
    robot = solution.run(iter(script))
    try:
        solution.run(['{"cmd": "quit"}', "{not json"])
    except solution.UnknownCommand:
        pass
    except Exception as exc:
        raise AssertionError(
            f"a line that is not JSON raised {exc!r}, not UnknownCommand"
        ) from None
    else:
        raise AssertionError("a line that is not JSON was accepted")
    return _describe(robot)
