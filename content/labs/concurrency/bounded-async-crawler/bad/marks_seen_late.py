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
    limit = asyncio.Semaphore(max_concurrency)

    async def visit(url: str, group: asyncio.TaskGroup) -> None:
        try:
            async with limit:
                links = await fetch(url)
        except Exception as exc:
            result.errors[url] = f"{type(exc).__name__}: {exc}"
            return
        result.links[url] = links  # a page counts as visited once it is fetched
        for link in links:
            if link not in result.links and link not in result.errors:
                group.create_task(visit(link, group))

    async with asyncio.TaskGroup() as group:
        group.create_task(visit(start, group))
    return result
