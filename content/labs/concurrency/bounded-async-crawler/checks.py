import asyncio
import traceback

#: A crawl of these sites needs a few dozen rounds of fetches at most.
MAX_ROUNDS = 1000


class PageError(Exception):
    pass


class Site:
    """A fake web site. `pages` maps a URL to its links, or to the exception fetching it raises
    (a URL missing from it is a 404). Every fetch waits for the next round, which the check
    starts only when the crawler has nothing left to do but wait: so the fetches in flight
    together are exactly those the crawler chose to run together, whatever the machine."""

    def __init__(self, pages):
        self.pages = pages
        self.calls = {}
        self.in_flight = 0
        self.peak = 0
        self.waiting = []

    async def fetch(self, url):
        self.calls[url] = self.calls.get(url, 0) + 1
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        try:
            round_done = asyncio.get_running_loop().create_future()
            self.waiting.append(round_done)
            await round_done
        finally:
            self.in_flight -= 1
        page = self.pages.get(url)
        if page is None:
            raise PageError(f"404 Not Found: {url}")
        if isinstance(page, BaseException):
            raise type(page)(*page.args)
        return list(page)


async def settle():
    """Let every runnable task run until all of them are blocked."""
    loop = asyncio.get_running_loop()
    for _ in range(10_000):
        await asyncio.sleep(0)
        if not getattr(loop, "_ready", None):
            return


def describe(exc):
    where = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"]
    text = f"{type(exc).__name__}: {exc}"
    return f"{text} (solution.py line {where[-1].lineno}, in {where[-1].name})" if where else text


def crawl(solution, site, limit):
    """Run the candidate's crawl over `site`; (result, tasks it left pending)."""

    async def main():
        task = asyncio.ensure_future(solution.crawl("/", site.fetch, max_concurrency=limit))
        for _ in range(MAX_ROUNDS):
            await settle()
            if task.done():
                break
            if not site.waiting:
                task.cancel()
                raise AssertionError(
                    "crawl() has not returned, but it is not fetching anything either: "
                    "it is waiting for something that will never happen"
                )
            batch, site.waiting = site.waiting, []
            for round_done in batch:
                if not round_done.done():
                    round_done.set_result(None)
        else:
            raise AssertionError(f"crawl() was still running after {MAX_ROUNDS} rounds of fetches")
        await settle()
        pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        try:
            result = task.result()
        except Exception as exc:
            raise AssertionError(
                f"crawl() raised {describe(exc)}; a page that fails belongs in `errors`, and "
                "the crawl goes on"
            ) from None
        for leftover in pending:
            leftover.cancel()
        return result, len(pending)

    return asyncio.run(main())


def plain(result):
    return {
        "links": dict(sorted(result.links.items())),
        "errors": dict(sorted(result.errors.items())),
    }


def fetched_once(site):
    twice = {url: n for url, n in sorted(site.calls.items()) if n > 1}
    assert not twice, (
        f"some pages were fetched more than once: {twice}. Two pages that link to the same URL "
        "must not both schedule it"
    )


def wide_site():
    pages = {"/": [f"/p{i}" for i in range(24)]}
    for i in range(24):
        pages[f"/p{i}"] = [f"/p{i}/x", f"/p{i}/y", "/"]
        pages[f"/p{i}/x"] = []
        pages[f"/p{i}/y"] = [f"/p{i}"]
    return pages


def check_visits_every_page_once(solution):
    site = Site(
        {
            "/": ["/a", "/b", "/c"],
            "/a": ["/", "/shared", "/a"],
            "/b": ["/shared", "/c"],
            "/c": ["/shared", "/d"],
            "/shared": ["/"],
            "/d": [],
        }
    )
    result, _ = crawl(solution, site, limit=3)
    fetched_once(site)
    return plain(result)


def check_respects_the_limit(solution):
    site = Site(wide_site())
    result, _ = crawl(solution, site, limit=4)
    assert site.peak <= 4, (
        f"max_concurrency=4, but {site.peak} fetches were in flight at once; the limit must "
        "hold across the whole crawl, not per page or per level"
    )
    assert site.peak == 4, (
        f"max_concurrency=4 and 24 pages waiting, but never more than {site.peak} fetch in "
        "flight at once: the crawl does not use the concurrency it is allowed"
    )
    fetched_once(site)
    return [site.peak, len(result.links)]


def check_limit_of_one(solution):
    site = Site(wide_site())
    result, _ = crawl(solution, site, limit=1)
    assert site.peak == 1, f"max_concurrency=1, but {site.peak} fetches were in flight at once"
    fetched_once(site)
    return [site.peak, len(result.links)]


def check_errors_are_recorded(solution):
    site = Site(
        {
            "/": ["/ok", "/slow", "/reset", "/missing"],
            "/ok": ["/deep", "/slow"],
            "/slow": TimeoutError("read timed out"),
            "/reset": ConnectionResetError("connection reset by peer"),
            "/deep": ["/deeper"],
            "/deeper": [],
        }
    )
    result, _ = crawl(solution, site, limit=2)
    fetched_once(site)
    return plain(result)


def check_leaves_nothing_running(solution):
    site = Site({"/": ["/a", "/b"], "/a": ["/b"], "/b": [], "/c": []})
    result, pending = crawl(solution, site, limit=3)
    assert site.in_flight == 0, f"crawl() returned with {site.in_flight} fetches still in flight"
    assert pending == 0, (
        f"crawl() returned but left {pending} tasks pending; cancel (and await) the tasks you "
        "start before returning"
    )
    return plain(result)


def check_rejects_bad_limit(solution):
    async def main():
        try:
            await asyncio.wait_for(solution.crawl("/", Site({}).fetch, max_concurrency=0), 2)
        except ValueError:
            return "ValueError"
        except TimeoutError:
            raise AssertionError(
                "crawl(max_concurrency=0) hung instead of raising ValueError"
            ) from None
        raise AssertionError("crawl(max_concurrency=0) returned instead of raising ValueError")

    return asyncio.run(main())
