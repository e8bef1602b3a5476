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
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._cpu_executor, self._summarize, rows)

    async def report_many(self, names: list[str]) -> dict[str, int]:
        return {name: await self.report(name) for name in names}
