import asyncio
from collections.abc import Callable
from concurrent.futures import Executor


class ReportService:
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
        return await asyncio.to_thread(self._summarize, rows)

    async def report_many(self, names: list[str]) -> dict[str, int]:
        values = await asyncio.gather(*(self.report(name) for name in names))
        return dict(zip(names, values, strict=True))
