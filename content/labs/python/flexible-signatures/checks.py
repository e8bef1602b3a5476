import functools
import inspect


def _kinds(func):
    return [[p.name, p.kind.name] for p in inspect.signature(func).parameters.values()]


def _type_error(label, call):
    try:
        result = call()
    except TypeError:
        return label
    raise AssertionError(f"{label} returned {result!r}; it should raise TypeError")


def _call(label, call):
    try:
        return call()
    except TypeError as exc:
        raise AssertionError(f"{label} raised TypeError: {exc}") from None


def check_build_url(solution):
    build = solution.build_url
    calls = [
        (
            "build_url('https://api.test/', 'users', 42, page=2, sort='name')",
            lambda: build("https://api.test/", "users", 42, page=2, sort="name"),
        ),
        ("build_url('https://api.test')", lambda: build("https://api.test")),
        (
            "build_url('https://h', 'a b/c', 'ü', q='x y&z')",
            lambda: build("https://h", "a b/c", "ü", q="x y&z"),
        ),
        (
            "build_url('https://h', 'v1', cursor=None, limit=10)",
            lambda: build("https://h", "v1", cursor=None, limit=10),
        ),
        ("build_url('https://h', 'x', cursor=None)", lambda: build("https://h", "x", cursor=None)),
    ]
    return [_call(label, call) for label, call in calls]


def check_base_is_positional_only(solution):
    url = _call(
        "build_url('https://h', 'search', base='eu', segments='all')",
        lambda: solution.build_url("https://h", "search", base="eu", segments="all"),
    )
    assert url == "https://h/search?base=eu&segments=all", (
        f"a query parameter named base or segments gave {url!r}"
    )
    _type_error("build_url(base='https://h')", lambda: solution.build_url(base="https://h"))
    return [url, _kinds(solution.build_url)]


def check_notify_signature(solution):
    notify = solution.notify
    ok = [
        _call("notify(1, 'hi')", lambda: notify(1, "hi")),
        _call("notify(2, message='hi', urgent=True)", lambda: notify(2, message="hi", urgent=True)),
        _call("notify(3, 'hi', channel='sms')", lambda: notify(3, "hi", channel="sms")),
    ]
    errors = [
        _type_error("notify(user_id=1, message='hi')", lambda: notify(user_id=1, message="hi")),
        _type_error("notify(1, 'hi', 'sms')", lambda: notify(1, "hi", "sms")),
        _type_error("notify(1, 'hi', 'sms', True)", lambda: notify(1, "hi", "sms", True)),
        _type_error("notify(1)", lambda: notify(1)),
    ]
    return [ok, errors, _kinds(notify)]


def check_call_logged_forwards(solution):
    def takes_func(*, func):
        return f"got {func}"

    def echo(*args, **kwargs):
        return [list(args), kwargs]

    results = [
        _call(
            "call_logged(notify, 7, 'hi', channel='sms')",
            lambda: solution.call_logged(solution.notify, 7, "hi", channel="sms"),
        ),
        _call(
            "call_logged(max, 3, 9, key=None)", lambda: solution.call_logged(max, 3, 9, key=None)
        ),
        _call(
            "call_logged(takes_func, func='x')", lambda: solution.call_logged(takes_func, func="x")
        ),
        _call("call_logged(echo)", lambda: solution.call_logged(echo)),
        _call(
            "call_logged(echo, [1], flag=True, name='n')",
            lambda: solution.call_logged(echo, [1], flag=True, name="n"),
        ),
    ]
    _type_error("call_logged(func=max)", lambda: solution.call_logged(func=max))
    return [[r[0], r[1]] for r in results]


def check_partial_notifier(solution):
    sms = solution.make_notifier("sms", urgent=True)
    assert isinstance(sms, functools.partial), f"make_notifier returned {type(sms).__name__}"
    assert sms.func is solution.notify, "the partial does not wrap notify"
    return [
        sms.args,
        sms.keywords,
        _call("sms(7, 'hi')", lambda: sms(7, "hi")),
        _call(
            "sms(7, 'hi', channel='push', urgent=False)",
            lambda: sms(7, "hi", channel="push", urgent=False),
        ),
        _type_error("sms(7, 'hi', 'extra')", lambda: sms(7, "hi", "extra")),
        solution.make_notifier("email").keywords,
    ]


def check_with_defaults_respects_caller(solution):
    @solution.with_defaults(timeout=5, retries=2)
    def fetch(url, timeout=None, *, retries=0, verbose=False):
        """Fetch a URL."""
        return [url, timeout, retries, verbose]

    shapes = [
        ("fetch('u')", lambda: fetch("u")),
        ("fetch('u', 10)", lambda: fetch("u", 10)),
        ("fetch('u', timeout=None)", lambda: fetch("u", timeout=None)),
        ("fetch(url='u', retries=0)", lambda: fetch(url="u", retries=0)),
        ("fetch('u', 0, retries=7, verbose=True)", lambda: fetch("u", 0, retries=7, verbose=True)),
    ]
    results = []
    for label, call in shapes:
        got = _call(label, call)
        results.append([label, got])
    assert results[1][1][1] == 10, f"fetch('u', 10) ran with timeout {results[1][1][1]!r}"
    assert results[2][1][1] is None, (
        f"the caller passed timeout=None explicitly, but fetch ran with {results[2][1][1]!r}"
    )
    _type_error("fetch('u', 1, 2)", lambda: fetch("u", 1, 2))
    return [results, fetch.__name__, fetch.__doc__]


def check_with_defaults_kwargs_and_errors(solution):
    @solution.with_defaults(region="eu")
    def connect(host, **options):
        return [host, options]

    calls = [
        _call("connect('h')", lambda: connect("h")),
        _call("connect('h', region='us', tls=True)", lambda: connect("h", region="us", tls=True)),
    ]

    def plain(a, b=1):
        return a + b

    def positional(a, /, b=1):
        return a + b

    def variadic(*items):
        return items

    errors = [
        _type_error(
            "with_defaults(colour='red') on plain(a, b=1)",
            lambda: solution.with_defaults(colour="red")(plain),
        ),
        _type_error(
            "with_defaults(a=1) on positional(a, /, b=1)",
            lambda: solution.with_defaults(a=1)(positional),
        ),
        _type_error(
            "with_defaults(items=()) on variadic(*items)",
            lambda: solution.with_defaults(items=())(variadic),
        ),
    ]
    return [calls, errors]
