from collections.abc import Callable
from concurrent.futures import Executor


class ReportService:
    """Builds reports from a blocking data source and a CPU-heavy summary, inside asyncio."""

    def __init__(
        self,
        load_rows: Callable[[str], list[int]],
        summarize: Callable[[list[int]], int],
        *,
        cpu_executor: Executor,
    ) -> None:
        raise NotImplementedError

    async def report(self, name: str) -> int:
        """summarize(load_rows(name)), without ever blocking the event loop."""
        raise NotImplementedError

    async def report_many(self, names: list[str]) -> dict[str, int]:
        """The reports for all `names`, built concurrently."""
        raise NotImplementedError
