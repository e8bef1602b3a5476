"""Checks for flask-app-factory: apps built by create_app(), driven with Flask's test client."""

import copy
import traceback

from flask import Flask, url_for


def _crash(exc):
    text = type(exc).__name__ + (f": {exc}" if str(exc) else "")
    lines = [
        f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"
    ]
    return text + (f" at solution.py line {lines[-1]}" if lines else "")


def _app(solution, config=None):
    try:
        return solution.create_app(config) if config is not None else solution.create_app()
    except Exception as exc:
        call = f"create_app({config!r})" if config is not None else "create_app()"
        raise AssertionError(f"{call} crashed with {_crash(exc)}") from None


def _get(app, url):
    try:
        response = app.test_client().get(url)
    except Exception as exc:
        raise AssertionError(f"GET {url} crashed with {_crash(exc)}") from None
    return [response.status_code, response.get_json(silent=True)]


def check_each_call_builds_a_new_app(solution):
    first, second = _app(solution), _app(solution)
    assert isinstance(first, Flask), (
        f"create_app() returned {type(first).__name__}, not a Flask app"
    )
    assert first is not second, (
        "create_app() returned the same app object twice; each call must build a new one"
    )
    return [first.name == second.name, sorted(first.blueprints), sorted(second.blueprints)]


def check_request_counts_are_per_app(solution):
    first = _app(solution)
    for _ in range(3):
        _get(first, "/api/greeting")
    second = _app(solution)  # created after `first` already counted some requests
    _get(second, "/api/greeting")
    _get(first, "/api/missing")
    result = {"first": _get(first, "/api/stats"), "second": _get(second, "/api/stats")}
    assert result["second"][1] == {"requests": 2}, (
        f"a new app that handled 1 request before /api/stats reports {result['second'][1]};"
        " expected {'requests': 2}: another app's requests leaked into its count"
    )
    return result


def check_config_overrides_defaults(solution):
    defaults = copy.deepcopy(solution.DEFAULT_CONFIG)
    custom = _app(solution, {"ENV_NAME": "staging", "GREETING": "hi"})
    plain = _app(solution)
    partial = _app(solution, {"ENV_NAME": "test"})
    result = {
        "custom": _get(custom, "/api/greeting"),
        "plain": _get(plain, "/api/greeting"),
        "partial": _get(partial, "/api/greeting"),
    }
    assert solution.DEFAULT_CONFIG == defaults, (
        f"create_app() changed DEFAULT_CONFIG to {solution.DEFAULT_CONFIG}; the defaults must be"
        " copied, not updated in place, or one app's settings leak into the next"
    )
    assert result["plain"][1] == {"greeting": "hello", "env": "production"}, (
        f"an app made with no config after one made with overrides answered {result['plain'][1]}"
    )
    return result


def check_blueprint_routes(solution):
    app = _app(solution)
    with app.test_request_context():
        try:
            urls = [url_for("api.greeting"), url_for("api.stats")]
        except Exception as exc:
            raise AssertionError(
                f"url_for on the blueprint's endpoints failed: {_crash(exc)}"
            ) from None
    rules = sorted(
        [rule.rule, sorted(rule.methods - {"HEAD", "OPTIONS"})]
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.")
    )
    return {
        "blueprints": sorted(app.blueprints),
        "urls": urls,
        "rules": rules,
        "without_prefix": _get(app, "/greeting")[0],
        "post_greeting": app.test_client().post("/api/greeting").status_code,
    }


def check_extension_registered_on_app(solution):
    app = _app(solution)
    assert "request_counter" in app.extensions, (
        f"app.extensions has {sorted(app.extensions)}; init_app() should register the extension"
        " under 'request_counter'"
    )
    before = solution.counter.count(app)
    _get(app, "/api/greeting")
    _get(app, "/api/greeting")
    return [before, solution.counter.count(app)]


def check_constructor_style_init(solution):
    plain = Flask("plain")

    @plain.get("/ping")
    def ping():
        return "pong"

    try:
        extension = solution.RequestCounter(plain)
    except Exception as exc:
        raise AssertionError(f"RequestCounter(app) crashed with {_crash(exc)}") from None
    client = plain.test_client()
    client.get("/ping")
    client.get("/nowhere")
    factory_app = _app(solution)
    _get(factory_app, "/api/greeting")
    return [extension.count(plain), solution.counter.count(factory_app)]
