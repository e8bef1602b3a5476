"""Web fixtures: the app over a real SQLite file and small content with one judged problem."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from prep.content.catalog import Catalog
from prep.content.loader import load_catalog
from prep.store.database import open_database
from prep.web.app import create_app
from prep.web.config import WebConfig
from tests.conftest import GENS_ANSWER, TINY_DESIGN, TINY_LAB, tiny_files, write_tree
from tests.judge.conftest import INCREMENT

SECRET = "test-secret-key-" + "x" * 40
WRONG = "def solve(x: int) -> int:\n    return x + 2\n"
RIGHT = "def solve(x: int) -> int:\n    return x + 1\n"


@pytest.fixture(scope="session")
def web_catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    files = tiny_files() | INCREMENT | {"interview/answers/q-gens.md": GENS_ANSWER}
    files |= {"design/dp-counter.md": TINY_DESIGN}
    files |= TINY_LAB
    root = write_tree(tmp_path_factory.mktemp("web-content"), files)
    return load_catalog(root).require()


AppFactory = Callable[..., FastAPI]


@pytest.fixture
def make_app(tmp_path: Path, web_catalog: Catalog) -> AppFactory:
    """Build an app on a fresh database file; `hosted=True` requires accounts."""

    def build(*, hosted: bool = False, db_name: str = "prep.sqlite3") -> FastAPI:
        config = WebConfig(hosted=hosted, secret_key=SECRET if hosted else None)
        return create_app(config, web_catalog, open_database(tmp_path / db_name))

    return build


@pytest.fixture
def client(make_app: AppFactory) -> Iterator[TestClient]:
    with TestClient(make_app(), base_url="http://127.0.0.1") as test_client:
        yield test_client


@pytest.fixture
def hosted_client(make_app: AppFactory) -> Iterator[TestClient]:
    with TestClient(make_app(hosted=True), base_url="http://127.0.0.1") as test_client:
        yield test_client


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def live_server(make_app: AppFactory) -> Iterator[str]:
    """The app served by uvicorn on a loopback port, in a thread; yields its base URL."""
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(make_app(), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=20)
