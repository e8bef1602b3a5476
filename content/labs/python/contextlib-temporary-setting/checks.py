import inspect
import types


class Settings:
    TIMEOUT = 30  # a class-level default

    def __init__(self):
        self.DEBUG = False
        self.DATABASE_URL = "postgresql://db/prod"


class Locked:
    """Refuses to change `version`, as a read-only property or a frozen object would."""

    def __init__(self):
        self.name = "svc"
        self.version = 1

    def __setattr__(self, name, value):
        if name == "version" and "version" in vars(self):
            raise AttributeError("version is read-only")
        object.__setattr__(self, name, value)


def state(obj):
    return {k: v for k, v in sorted(vars(obj).items()) if not k.startswith("__")}


def check_sets_and_restores(solution):
    s = Settings()
    with solution.override(s, DEBUG=True, DATABASE_URL="sqlite://") as bound:
        assert bound is s, "`with override(obj, ...) as x` must bind x to obj"
        inside = [s.DEBUG, s.DATABASE_URL]
    assert state(s) == {"DEBUG": False, "DATABASE_URL": "postgresql://db/prod"}, (
        f"after the block the object's attributes are {state(s)}"
    )
    return [inside, state(s)]


def check_restores_on_error(solution):
    s = Settings()
    error = RuntimeError("migration failed")
    try:
        with solution.override(s, DEBUG=True):
            raise error
    except RuntimeError as caught:
        assert caught is error, "a different exception came out of the block than was raised"
    else:
        raise AssertionError("the block raised RuntimeError but the with statement completed")
    assert s.DEBUG is False, f"after a block that raised, DEBUG is {s.DEBUG!r}, expected False"
    return state(s)


def check_deletes_new_attributes(solution):
    s = Settings()
    with solution.override(s, FEATURE_X=True, DEBUG=True):
        inside = s.FEATURE_X
    assert not hasattr(s, "FEATURE_X"), (
        f"FEATURE_X did not exist before the block but is still there afterwards: {state(s)}"
    )
    try:
        with solution.override(s, FEATURE_Y=1):
            raise KeyError("boom")
    except KeyError:
        pass
    assert not hasattr(s, "FEATURE_Y"), "an attribute added by a block that raised was left behind"
    return [inside, state(s)]


def check_class_default_shows_through(solution):
    s = Settings()
    with solution.override(s, TIMEOUT=0.5):
        inside = s.TIMEOUT
    assert "TIMEOUT" not in vars(s), (
        "TIMEOUT came from the class, but after the block the instance holds its own copy "
        f"({state(s)}), which would hide any later change of Settings.TIMEOUT"
    )

    class Base:
        retries = 3

    class Child(Base):
        pass

    with solution.override(Child, retries=0):
        inside_class = Child.retries
    assert "retries" not in vars(Child), "overriding an inherited class attribute left a copy"
    Base.retries = 5
    return [inside, s.TIMEOUT, inside_class, Child.retries]


def check_partial_failure_restores(solution):
    obj = Locked()
    ran = []
    try:
        with solution.override(obj, name="tmp", debug=True, version=2):
            ran.append("block")
    except AttributeError as exc:
        message = str(exc)
    else:
        raise AssertionError("setting a read-only attribute failed, but override did not raise")
    assert not ran, "the block ran although setting the attributes failed"
    assert state(obj) == {"name": "svc", "version": 1}, (
        "setting `version` failed after `name` and `debug` were set; they must be restored, "
        f"but the object is left as {state(obj)}"
    )
    return [message, state(obj)]


def check_nests_and_repeats(solution):
    s = Settings()
    seen = []
    with solution.override(s, DEBUG="outer"):
        seen.append(s.DEBUG)
        with solution.override(s, DEBUG="inner"):
            seen.append(s.DEBUG)
        seen.append(s.DEBUG)
    seen.append(s.DEBUG)
    module = types.ModuleType("config")
    module.REGION = "eu-west-1"
    with solution.override(module, REGION="us-east-1", DRY_RUN=True):
        seen.append([module.REGION, module.DRY_RUN])
    seen.append(state(module))
    return seen


def check_generator_based(solution):
    wrapped = getattr(solution.override, "__wrapped__", None)
    assert wrapped is not None and inspect.isgeneratorfunction(wrapped), (
        "override should be a generator function decorated with @contextlib.contextmanager"
    )
    return True
