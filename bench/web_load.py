"""Web load: the study API under 32 concurrent connections, against a trivial endpoint of the
same app measured in the same run (absolute numbers depend on the machine; the ratio less so).

The server runs the real app (local mode, one uvicorn worker) in a subprocess over a database
holding a heavy user: the real catalog's cards, topped up with small recall cards to 2,000 if it
has fewer, a state for 90% of them (some due now), and 100,000 reviews over six months. This
process loads it at 32 connections, one scenario at a time, a warm-up then a fixed number of
requests:

- baseline       GET  /healthz
- next card      GET  /api/v1/study/next
- submit review  POST /api/v1/reviews   (a recall card, rating 3)

Targets, per API scenario: throughput at least 50% of the baseline's, and p99 < 50 ms.
It is a report: the exit code is 0 whether or not the targets are met.

The load generator shares the machine with the server, so the cheaper it is, the more the
figures measure the server. By default (`--client auto`) it is wrk, a load generator written in
C, when it is on PATH (Debian and Ubuntu: `sudo apt-get install wrk`; macOS: `brew install wrk`;
this script installs nothing): 32 connections from one thread for a fixed time per scenario,
the review bodies made by a Lua script. Without wrk it is `--client raw`, a minimal HTTP/1.1
keep-alive client on stdlib asyncio, which costs the server's machine more CPU per request;
`--client httpx` (httpx.AsyncClient) costs several times more again, enough that on a small
machine the baseline measures the client as much as the server. The "cpu srv/cli" column shows
which side was busy.

Run: .venv/bin/python bench/web_load.py [--client auto|wrk|raw|httpx] [--seconds S]
     [--requests N] [--concurrency C]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import math
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

import httpx
import yaml
from sqlalchemy import insert

from prep.content.catalog import Catalog
from prep.content.loader import load_catalog
from prep.paths import content_dir
from prep.store.database import open_database
from prep.store.models import CardState, ReviewLog

MIN_CARDS = 2_000
REVIEW_LOGS = 100_000
HISTORY_DAYS = 182
SCHEDULED_SHARE = 0.9  # cards with a state; the rest are still new
DUE_NOW_SHARE = 0.08  # of the scheduled cards, overdue at the start of the run
TARGET_RATIO = 0.5
TARGET_P99_MS = 50.0
HOST = "127.0.0.1"
WARMUP_SECONDS = 5.0
WRK_WARMUP_SECONDS = 3

# httpcore asks sniffio which event loop runs on every request; without sniffio installed (anyio
# no longer needs it) that is a failed import each time, which costs the load generator more CPU
# than the server's trivial endpoint. None in sys.modules makes the import fail at once.
if importlib.util.find_spec("sniffio") is None:
    sys.modules["sniffio"] = None  # type: ignore[assignment]

# FSRS states as stored (fsrs.State): 1 Learning, 2 Review, 3 Relearning.
LEARNING, REVIEW, RELEARNING = 1, 2, 3


# --- data --------------------------------------------------------------------------------------


def content_tree(tmp: Path) -> tuple[Path, int]:
    """The real content, topped up with small recall cards to MIN_CARDS if it has fewer.

    Returns the content root and how many synthetic cards were added."""
    real_root = content_dir()
    real = load_catalog(real_root).require()
    missing = MIN_CARDS - len(real.cards)
    if missing <= 0:
        return real_root, 0
    root = tmp / "content"
    shutil.copytree(real_root, root)
    files = sorted((root / "cards").rglob("*.yaml"))
    documents = {path: yaml.safe_load(path.read_text(encoding="utf-8")) for path in files}
    for i in range(missing):
        path = files[i % len(files)]
        documents[path]["cards"].append(
            {
                "id": f"bench-{i:04d}",
                "kind": "recall",
                "prompt": f"Synthetic benchmark card {i}: what is the answer?",
                "answer": f"The answer to card {i}.",
            }
        )
    for path, document in documents.items():
        path.write_text(
            yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
    return root, missing


def fill_database(path: Path, catalog: Catalog, now: datetime) -> tuple[int, int]:
    """Card states for most cards and REVIEW_LOGS reviews; returns (states, due now)."""
    rng = random.Random(20260302)
    db = open_database(path)
    user = db.local_user_id()
    ids = sorted(catalog.cards)
    scheduled = rng.sample(ids, int(len(ids) * SCHEDULED_SHARE))
    states: list[dict[str, Any]] = []
    due_now = 0
    for card_id in scheduled:
        introduced = now - timedelta(days=rng.uniform(1, HISTORY_DAYS))
        last_review = introduced + (now - introduced) * rng.uniform(0.3, 0.99)
        state = rng.choices([REVIEW, LEARNING, RELEARNING], weights=[85, 10, 5])[0]
        if rng.random() < DUE_NOW_SHARE:
            due = now - timedelta(hours=rng.uniform(0.1, 240))
            due_now += 1
        elif state == REVIEW:
            due = now + timedelta(hours=rng.uniform(1, 60 * 24))
        else:
            due = now + timedelta(minutes=rng.uniform(1, 60))
        reps = rng.randint(1, 30)
        states.append(
            {
                "user_id": user,
                "card_id": card_id,
                "state": state,
                "step": None if state == REVIEW else 0,
                "stability": rng.uniform(0.5, 120),
                "difficulty": rng.uniform(1, 10),
                "due": due,
                "last_review": last_review,
                "introduced_at": introduced,
                "reps": reps,
                "lapses": rng.randint(0, reps // 4),
            }
        )
    logs: list[dict[str, Any]] = []
    ratings = rng.choices([1, 2, 3, 4], weights=[10, 15, 60, 15], k=REVIEW_LOGS)
    for rating in ratings:
        reviewed_at = now - timedelta(seconds=rng.uniform(60, HISTORY_DAYS * 86_400))
        stability = rng.uniform(0.5, 120)
        logs.append(
            {
                "user_id": user,
                "card_id": rng.choice(scheduled),
                "rating": rating,
                "reviewed_at": reviewed_at,
                "duration_ms": rng.randint(2_000, 40_000),
                "answer": None,
                "correct": None,
                "state_before": rng.choice([0, REVIEW, REVIEW, REVIEW, LEARNING]),
                "state_after": REVIEW if rating > 1 else RELEARNING,
                "stability_after": stability,
                "difficulty_after": rng.uniform(1, 10),
                "due_after": reviewed_at + timedelta(days=stability),
            }
        )
    # One executemany per table, in one transaction.
    with db.engine.begin() as conn:
        conn.execute(insert(CardState), states)
        conn.execute(insert(ReviewLog), logs)
    db.close()
    return len(states), due_now


# --- server ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def serve(content: Path, database: Path, port: int) -> None:
    """The subprocess: the real app in local mode, one uvicorn worker, run as `prep serve` runs
    it."""
    from prep.web import server
    from prep.web.app import create_app
    from prep.web.config import WebConfig

    catalog = load_catalog(content).require()
    db = open_database(database)
    config = WebConfig(host=HOST, port=port, database=database, content=content)
    app = create_app(config, catalog, db)
    server.run(app, HOST, port)


def start_server(content: Path, database: Path, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, __file__, "--serve", str(content), str(database), str(port)]
    process = subprocess.Popen(command)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with code {process.returncode}")
        try:
            if httpx.get(f"http://{HOST}:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not answer /healthz within 60 s")


# --- load --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    status: int
    text: str


class Client(Protocol):
    async def get(self, path: str) -> Reply: ...

    async def post_json(self, path: str, body: dict[str, Any]) -> Reply: ...

    async def aclose(self) -> None: ...


class HttpxClient:
    """One httpx.AsyncClient whose pool holds `connections` keep-alive connections."""

    def __init__(self, base_url: str, connections: int) -> None:
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        self.client = httpx.AsyncClient(base_url=base_url, limits=limits, timeout=60)

    async def get(self, path: str) -> Reply:
        response = await self.client.get(path)
        return Reply(response.status_code, response.text)

    async def post_json(self, path: str, body: dict[str, Any]) -> Reply:
        response = await self.client.post(path, json=body)
        return Reply(response.status_code, response.text)

    async def aclose(self) -> None:
        await self.client.aclose()


class RawClient:
    """HTTP/1.1 keep-alive over asyncio streams, `connections` of them in a pool: just enough
    for these requests (the app always sends Content-Length), and several times cheaper per
    request than httpx, so that the baseline measures the server rather than this process."""

    def __init__(self, host: str, port: int, connections: int) -> None:
        self.host, self.port = host, port
        self.idle: asyncio.Queue[tuple[asyncio.StreamReader, asyncio.StreamWriter] | None] = (
            asyncio.Queue()
        )
        for _ in range(connections):
            self.idle.put_nowait(None)  # connected on first use
        self.open: list[asyncio.StreamWriter] = []

    async def _send(self, head: str, body: bytes = b"") -> Reply:
        connection = await self.idle.get()
        try:
            if connection is None:
                connection = await asyncio.open_connection(self.host, self.port)
                self.open.append(connection[1])
            reader, writer = connection
            writer.write(f"{head}Host: {self.host}:{self.port}\r\n\r\n".encode() + body)
            status_line, *headers = (await reader.readuntil(b"\r\n\r\n")).decode().split("\r\n")
            length = next(
                int(value)
                for name, _, value in (h.partition(":") for h in headers)
                if name.lower() == "content-length"
            )
            text = (await reader.readexactly(length)).decode()
            return Reply(int(status_line.split()[1]), text)
        finally:
            self.idle.put_nowait(connection)

    async def get(self, path: str) -> Reply:
        return await self._send(f"GET {path} HTTP/1.1\r\n")

    async def post_json(self, path: str, body: dict[str, Any]) -> Reply:
        data = json.dumps(body).encode()
        head = (
            f"POST {path} HTTP/1.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(data)}\r\n"
        )
        return await self._send(head, data)

    async def aclose(self) -> None:
        for writer in self.open:
            writer.close()


Send = Callable[[Client, int], Awaitable[Reply]]


@dataclass(frozen=True)
class Result:
    name: str
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int
    first_error: str | None
    client_cpu: float  # share of one core used by the load generator while measuring
    server_cpu: float | None  # the same for the server, where /proc tells
    stopped_early: bool = False  # the Python clients' time cap ended the run

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds


def percentile(latencies_ms: list[float], p: float) -> float:
    """Nearest-rank percentile of sorted latencies."""
    rank = max(1, math.ceil(p / 100 * len(latencies_ms)))
    return latencies_ms[rank - 1]


@dataclass
class Run:
    requests: int
    seconds: float
    latencies_ms: list[float]
    errors: int = 0
    first_error: str | None = None


async def drive(
    client: Client, send: Send, total: int, concurrency: int, max_seconds: float
) -> Run:
    """`total` requests from `concurrency` workers (fewer if max_seconds runs out)."""
    numbers = iter(range(total))
    run = Run(0, 0.0, [])
    started = time.perf_counter()
    deadline = started + max_seconds

    async def worker() -> None:
        for i in numbers:  # one iterator shared by every worker: each request is sent once
            if time.perf_counter() > deadline:
                return
            sent = time.perf_counter()
            reply = await send(client, i)
            run.latencies_ms.append((time.perf_counter() - sent) * 1000)
            if not 200 <= reply.status < 300:
                run.errors += 1
                run.first_error = run.first_error or f"{reply.status} {reply.text[:300]}"

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    run.seconds = time.perf_counter() - started
    run.requests = len(run.latencies_ms)
    run.latencies_ms.sort()
    return run


def process_cpu(pid: int) -> float | None:
    """CPU seconds used so far by another process (Linux), else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def scenario(
    name: str,
    send: Send,
    *,
    client_kind: str,
    port: int,
    server_pid: int,
    total: int,
    warmup: int,
    concurrency: int,
    max_seconds: float,
) -> Result:
    client: Client = (
        RawClient(HOST, port, concurrency)
        if client_kind == "raw"
        else HttpxClient(f"http://{HOST}:{port}", concurrency)
    )
    try:
        await drive(client, send, warmup, concurrency, WARMUP_SECONDS)
        client_before, server_before = time.process_time(), process_cpu(server_pid)
        run = await drive(client, send, total, concurrency, max_seconds)
        client_cpu = (time.process_time() - client_before) / run.seconds
        server_after = process_cpu(server_pid)
    finally:
        await client.aclose()
    server_cpu = (
        (server_after - server_before) / run.seconds
        if server_before is not None and server_after is not None
        else None
    )
    return Result(
        name,
        run.requests,
        run.seconds,
        percentile(run.latencies_ms, 50),
        percentile(run.latencies_ms, 99),
        run.errors,
        run.first_error,
        client_cpu,
        server_cpu,
        stopped_early=run.requests < total,
    )


# --- wrk ---------------------------------------------------------------------------------------

#: Prints the figures as one JSON line when the run is over (latencies in microseconds).
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\n{"requests": %d, "duration_us": %d, "failed": %d, "non_2xx_3xx": %d, '
    .. '"p50_us": %d, "p99_us": %d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
"""


def wrk_script(directory: Path, name: str, bodies: list[str] | None) -> Path:
    """A wrk Lua script: the report above, and for POST scenarios the bodies in turn."""
    lines = []
    if bodies is not None:
        # Lua long strings ([==[...]==]) need no escaping; the bodies are JSON.
        lines.append("local bodies = {" + ", ".join(f"[==[{b}]==]" for b in bodies) + "}")
        lines.append(
            """local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, bodies[(n % #bodies) + 1])
end"""
        )
    path = directory / f"{name}.lua"
    path.write_text("\n".join(lines) + WRK_REPORT, encoding="utf-8")
    return path


def wrk_scenario(
    name: str,
    path: str,
    script: Path,
    *,
    wrk: str,
    port: int,
    server_pid: int,
    seconds: int,
    concurrency: int,
) -> Result:
    def run(duration: int) -> tuple[dict[str, int], float]:
        command = [
            wrk,
            "--threads",
            "1",
            "--connections",
            str(concurrency),
            "--duration",
            f"{duration}s",
            "--script",
            str(script),
            f"http://{HOST}:{port}{path}",
        ]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        report = next(line for line in output.splitlines() if line.startswith('{"requests"'))
        figures: dict[str, int] = json.loads(report)
        return figures, cpu

    run(WRK_WARMUP_SECONDS)
    server_before = process_cpu(server_pid)
    figures, client_cpu = run(seconds)
    server_after = process_cpu(server_pid)
    elapsed = figures["duration_us"] / 1e6
    server_cpu = (
        (server_after - server_before) / elapsed
        if server_before is not None and server_after is not None
        else None
    )
    errors = figures["failed"] + figures["non_2xx_3xx"]
    return Result(
        name,
        figures["requests"],
        elapsed,
        figures["p50_us"] / 1000,
        figures["p99_us"] / 1000,
        errors,
        f"{figures['non_2xx_3xx']} answers not 2xx/3xx, {figures['failed']} failed"
        if errors
        else None,
        client_cpu / elapsed,
        server_cpu,
    )


def report(results: list[Result], concurrency: int, client: str, measure: str) -> None:
    baseline = results[0]
    print(f"\n{concurrency} connections ({client} client); per scenario after warm-up: {measure}")
    print(
        f"{'scenario':<15}{'requests':>9}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>8}"
        f"{'cpu srv/cli':>13}"
    )
    verdicts = []
    for r in results:
        ratio = r.throughput / baseline.throughput
        line = (
            f"{r.name:<15}{r.requests:>9}{r.throughput:>10.1f}"
            f"{r.p50_ms:>9.1f}{r.p99_ms:>9.1f}{ratio:>8.2f}"
            f"{_share(r.server_cpu):>7}/{_share(r.client_cpu):<5}"
        )
        if r is not baseline:
            met = ratio >= TARGET_RATIO and r.p99_ms < TARGET_P99_MS and not r.errors
            verdicts.append(met)
            line += "  TARGET MET" if met else "  TARGET MISSED"
        if r.stopped_early:
            line += f"  (stopped by the time cap after {r.requests})"
        print(line)
        if r.errors:
            print(f"    {r.errors} failed requests; first: {r.first_error}")
    print(f"targets: throughput >= {TARGET_RATIO:.0%} of baseline and p99 < {TARGET_P99_MS:.0f} ms")
    print(
        f"(with {concurrency} requests always in flight, a mean latency under "
        f"{TARGET_P99_MS:.0f} ms needs more than {concurrency / TARGET_P99_MS * 1000:.0f} req/s: "
        "the p99 target is a throughput target too)"
    )
    print(
        "cpu srv/cli: share of one core used by the server and by this load generator; a "
        "generator near 100% means the baseline measures the client more than the server"
    )
    print("overall: " + ("TARGET MET" if all(verdicts) else "TARGET MISSED"))


def _share(cpu: float | None) -> str:
    return "?" if cpu is None else f"{cpu:.0%}"


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--serve":
        serve(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--client",
        choices=["auto", "wrk", "raw", "httpx"],
        default="auto",
        help="the load generator: wrk if on PATH (auto), else the stdlib client (raw)",
    )
    parser.add_argument("--seconds", type=int, default=10, help="wrk: measured time per scenario")
    parser.add_argument("--requests", type=int, default=3_000, help="raw, httpx: per scenario")
    parser.add_argument("--warmup", type=int, default=300, help="raw, httpx: before measuring")
    parser.add_argument("--concurrency", type=int, default=32, help="connections and workers")
    parser.add_argument("--max-seconds", type=float, default=25.0, help="raw, httpx: time cap")
    args = parser.parse_args()
    wrk = shutil.which("wrk")
    client = args.client
    if client == "auto":
        client = "wrk" if wrk else "raw"
        if not wrk:
            print(
                "wrk is not on PATH, so the load comes from a Python client on the same machine, "
                "which takes CPU from the server (Debian/Ubuntu: sudo apt-get install wrk)"
            )
    elif client == "wrk" and not wrk:
        raise SystemExit("wrk is not on PATH (Debian/Ubuntu: sudo apt-get install wrk)")

    with tempfile.TemporaryDirectory(prefix="prep-web-load-") as tmp_name:
        tmp = Path(tmp_name)
        started = time.perf_counter()
        content, synthetic = content_tree(tmp)
        catalog = load_catalog(content).require()
        database = tmp / "prep.sqlite3"
        states, due_now = fill_database(database, catalog, datetime.now(UTC))
        print(
            f"data: {len(catalog.cards)} cards ({synthetic} synthetic recall cards added), "
            f"{states} card states ({due_now} due now), {REVIEW_LOGS} review logs "
            f"[{time.perf_counter() - started:.1f} s]"
        )
        recall = sorted(c.id for c in catalog.cards.values() if c.kind == "recall")
        port = free_port()
        server = start_server(content, database, port)
        try:
            if client == "wrk":
                assert wrk is not None
                bodies = [json.dumps({"card_id": card_id, "rating": 3}) for card_id in recall]
                results = [
                    wrk_scenario(
                        name,
                        path,
                        wrk_script(tmp, f"scenario{i}", posts),
                        wrk=wrk,
                        port=port,
                        server_pid=server.pid,
                        seconds=args.seconds,
                        concurrency=args.concurrency,
                    )
                    for i, (name, path, posts) in enumerate(
                        [
                            ("baseline", "/healthz", None),
                            ("next card", "/api/v1/study/next", None),
                            ("submit review", "/api/v1/reviews", bodies),
                        ]
                    )
                ]
                measure = f"{args.seconds} s"
            else:
                results = python_scenarios(args, client, port, server.pid, recall)
                measure = f"{args.requests} requests"
        finally:
            server.terminate()
            server.wait(timeout=10)
    report(results, args.concurrency, client, measure)


def python_scenarios(
    args: argparse.Namespace, client: str, port: int, server_pid: int, recall: list[str]
) -> list[Result]:
    async def healthz(client: Client, _: int) -> Reply:
        return await client.get("/healthz")

    async def next_card(client: Client, _: int) -> Reply:
        return await client.get("/api/v1/study/next")

    async def submit(client: Client, i: int) -> Reply:
        body = {"card_id": recall[i % len(recall)], "rating": 3}
        return await client.post_json("/api/v1/reviews", body)

    return [
        asyncio.run(
            scenario(
                name,
                send,
                client_kind=client,
                port=port,
                server_pid=server_pid,
                total=args.requests,
                warmup=args.warmup,
                concurrency=args.concurrency,
                max_seconds=args.max_seconds,
            )
        )
        for name, send in [
            ("baseline", healthz),
            ("next card", next_card),
            ("submit review", submit),
        ]
    ]


if __name__ == "__main__":
    main()
