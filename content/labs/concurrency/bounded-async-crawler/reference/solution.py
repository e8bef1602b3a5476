import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field


@dataclass
class CrawlResult:
    #: url -> the links fetch() returned for it, for every page fetched successfully.
    links: dict[str, list[str]] = field(default_factory=dict)
    #: url -> "ExceptionType: message", for every page whose fetch() raised.
    errors: dict[str, str] = field(default_factory=dict)


async def crawl(
    start: str,
    fetch: Callable[[str], Awaitable[list[str]]],
    *,
    max_concurrency: int,
) -> CrawlResult:
    """Fetch `start` and every page reachable from it, at most `max_concurrency` at a time.

    One task per page, all in a TaskGroup: the crawl returns when the last of them is done, and
    if the crawl itself is cancelled they are all cancelled with it. The semaphore, shared by
    every task, is what bounds the fetches in flight. A URL is marked as seen when it is
    scheduled, not when its fetch completes, so two pages linking to it cannot both schedule it.
    (With millions of pages you would use a fixed set of worker tasks and a queue instead,
    to bound the number of tasks as well.)
    """
    if max_concurrency < 1:
        raise ValueError(f"max_concurrency must be at least 1, got {max_concurrency}")
    result = CrawlResult()
    seen = {start}
    in_flight = asyncio.Semaphore(max_concurrency)

    async def visit(url: str, group: asyncio.TaskGroup) -> None:
        try:
            async with in_flight:
                links = await fetch(url)
        except Exception as exc:  # one broken page must not stop the crawl
            result.errors[url] = f"{type(exc).__name__}: {exc}"
            return
        result.links[url] = links
        for link in links:
            if link not in seen:
                seen.add(link)
                group.create_task(visit(link, group))

    async with asyncio.TaskGroup() as group:
        group.create_task(visit(start, group))
    return result
