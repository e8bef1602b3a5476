"""An HTTP client library whose two newest commits were thrown away by `git reset --hard`,
followed by more work, so the lost commits are no longer the latest reflog entries."""

from pathlib import Path

HTTP = '''"""A small HTTP client with sane defaults."""

import logging
import urllib.request

log = logging.getLogger(__name__)
USER_AGENT = "{agent}"
{imports}

def get(url, timeout=5.0):
    """GET `url` and return the body as bytes."""
    request = urllib.request.Request(url, headers={{"User-Agent": USER_AGENT}})
    log.info("GET %s", url)
{body}'''

PLAIN_BODY = """    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read()
"""

RETRY_BODY = """    return with_retries(lambda: _fetch(request, timeout))


def _fetch(request, timeout):
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read()
"""

RETRY = '''"""Retry idempotent requests with exponential backoff and jitter."""

import random
import time

ATTEMPTS = 4
BASE_DELAY_S = 0.2


def with_retries(call, attempts=ATTEMPTS, sleep=time.sleep):
    """Call `call()` until it succeeds, sleeping longer after each OSError."""
    for attempt in range(attempts):
        try:
            return call()
        except OSError:
            if attempt == attempts - 1:
                raise
            sleep(BASE_DELAY_S * 2**attempt * random.uniform(0.5, 1.5))
    raise AssertionError("unreachable")
'''

TEST_RETRY = """from client.retry import with_retries


def test_gives_up_after_the_last_attempt():
    calls = []

    def failing():
        calls.append(1)
        raise OSError("connection reset")

    try:
        with_retries(failing, attempts=3, sleep=lambda _: None)
    except OSError:
        pass
    assert len(calls) == 3


def test_returns_the_first_success():
    answers = iter([OSError("timeout"), b"ok"])

    def flaky():
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    assert with_retries(flaky, sleep=lambda _: None) == b"ok"
"""

README = "# client\n\nA small HTTP client with logging and sane defaults.\n"
USAGE = """
## Usage

```python
from client.http import get

body = get("https://example.com/health")
```
"""


def _write(repo: Path, name: str, text: str) -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _http(agent="client/1.0", imports="", body=PLAIN_BODY):
    return HTTP.format(agent=agent, imports=imports, body=body)


def prepare(repo, git):
    _write(repo, "README.md", README)
    _write(repo, "client/__init__.py", "")
    _write(repo, "client/http.py", _http().replace('    log.info("GET %s", url)\n', ""))
    git("add", "-A")
    git("commit", "-q", "-m", "Start the HTTP client library")
    _write(repo, "client/http.py", _http())
    git("commit", "-q", "-am", "Log every request")

    # The work that gets lost: two commits on main...
    _write(repo, "client/retry.py", RETRY)
    retrying = _http(imports="from client.retry import with_retries\n", body=RETRY_BODY)
    _write(repo, "client/http.py", retrying)
    git("add", "-A")
    git("commit", "-q", "-m", "Retry idempotent requests with backoff")
    _write(repo, "tests/test_retry.py", TEST_RETRY)
    git("add", "-A")
    git("commit", "-q", "-m", "Test the retry policy")
    # ...thrown away by a reset meant to drop local experiments,
    git("reset", "-q", "--hard", "HEAD~2")
    # then a docs branch and another commit on main.
    git("switch", "-q", "-c", "docs/usage")
    _write(repo, "README.md", README + USAGE)
    git("commit", "-q", "-am", "Document basic usage")
    git("switch", "-q", "main")
    _write(repo, "client/http.py", _http(agent="client/1.1"))
    git("commit", "-q", "-am", "Send the library version in the User-Agent")
