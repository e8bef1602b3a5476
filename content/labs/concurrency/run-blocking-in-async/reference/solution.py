import asyncio
from collections.abc import Callable
from concurrent.futures import Executor


class ReportService:
    """Builds reports from a blocking data source and a CPU-heavy summary, inside asyncio.

    The event loop runs every coroutine of the process on one thread, so anything that blocks
    that thread, waiting on a socket or computing for a second, freezes all of them. Blocking
    I/O goes to a thread (asyncio.to_thread): while it waits it releases the GIL, so the loop
    keeps running. CPU-bound Python holds the GIL, so a thread would still slow the loop down:
    it goes to the executor we are given, a ProcessPoolExecutor in production, which is why
    what we submit (`summarize` and the rows) must be picklable.
    """

    def __init__(
        self,
        load_rows: Callable[[str], list[int]],
        summarize: Callable[[list[int]], int],
        *,
        cpu_executor: Executor,
    ) -> None:
        self._load_rows = load_rows
        self._summarize = summarize
        self._cpu_executor = cpu_executor

    async def report(self, name: str) -> int:
        rows = await asyncio.to_thread(self._load_rows, name)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._cpu_executor, self._summarize, rows)

    async def report_many(self, names: list[str]) -> dict[str, int]:
        values = await asyncio.gather(*(self.report(name) for name in names))
        return dict(zip(names, values, strict=True))
