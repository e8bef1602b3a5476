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
    """Fetch `start` and every page reachable from it, at most `max_concurrency` at a time."""
    raise NotImplementedError
