from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import quote, urlencode

F = TypeVar("F", bound=Callable[..., Any])
R = TypeVar("R")

#: Parameter kinds a keyword default can be injected into.
_BY_KEYWORD = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
_VAR_KEYWORD = inspect.Parameter.VAR_KEYWORD


def build_url(base: str, *segments: object, **query: object) -> str:
    """Join the base URL and the quoted segments, then append the query."""
    url = "/".join([base.rstrip("/"), *(quote(str(s), safe="") for s in segments)])
    params = {key: str(value) for key, value in query.items() if value is not None}
    return f"{url}?{urlencode(params)}" if params else url


def notify(
    user_id: int, /, message: str, *, channel: str = "email", urgent: bool = False
) -> dict[str, object]:
    return {"user_id": user_id, "message": message, "channel": channel, "urgent": urgent}


def call_logged(func: Callable[..., R], /, *args: Any, **kwargs: Any) -> tuple[R, str]:
    """Call func(*args, **kwargs); also return the call as text, e.g. "max(3, 9, key=None)"."""
    shown = [repr(a) for a in args] + [f"{key}={value!r}" for key, value in kwargs.items()]
    return func(*args, **kwargs), f"{func.__name__}({', '.join(shown)})"


def make_notifier(channel: str, /, **fixed: Any) -> functools.partial[dict[str, object]]:
    """notify with `channel` and `fixed` preset; the caller may still override them."""
    return functools.partial(notify, channel=channel, **fixed)


def with_defaults(**defaults: Any) -> Callable[[F], F]:
    """Supply keyword defaults for arguments the caller did not pass, by name or position."""

    def decorate(func: F) -> F:
        signature = inspect.signature(func)
        params = signature.parameters
        var_keyword = next((p.name for p in params.values() if p.kind is _VAR_KEYWORD), None)
        for name in defaults:
            param = params.get(name)
            injectable = param.kind in _BY_KEYWORD if param else var_keyword is not None
            if not injectable:
                raise TypeError(f"{func.__name__}() has no keyword parameter {name!r}")

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            given = signature.bind_partial(*args, **kwargs).arguments
            extra = given.get(var_keyword, {}) if var_keyword else {}
            missing = {
                name: value
                for name, value in defaults.items()
                if name not in given and name not in extra
            }
            return func(*args, **kwargs, **missing)

        return wrapper  # type: ignore[return-value]

    return decorate
