"""An invoices API with a release branch for 1.4 and, on main, a pagination fix sitting
between two commits of a new feature that also edited the pagination module."""

from pathlib import Path

PAGINATION = '''"""Offset pagination of invoice lists."""


def paginate(items, page, per_page=20):
    """The items of 1-based `page`, and whether there is a next page."""
    if page < 1 or per_page < 1:
        raise ValueError("page and per_page start at 1")
    start = (page - 1) * per_page
    chunk = items[start : start + per_page]
    has_next = start + per_page {comparison} len(items)
    return chunk, has_next
'''

PAGE_COUNT = '''

def page_count(total, per_page=20):
    """How many pages `total` items fill (an empty list still has one page)."""
    return max(1, -(-total // per_page))
'''

TESTS = """from invoices.pagination import paginate


def test_first_page():
    assert paginate(list(range(5)), page=1, per_page=2) == ([0, 1], True)
"""

REGRESSION_TEST = """

def test_last_full_page_has_no_next_page():
    assert paginate(list(range(4)), page=2, per_page=2) == ([2, 3], False)
"""

EXPORT = '''"""Export invoices as CSV."""

import csv
import io

from invoices.pagination import page_count, paginate

COLUMNS = ("number", "customer", "total")


def export_csv(invoices, per_page=500):
    """All invoices as one CSV document, read page by page."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for page in range(1, page_count(len(invoices), per_page) + 1):
        chunk, _ = paginate(invoices, page, per_page)
        {rows}
    return out.getvalue()
'''

ROWS_LOOP = "for invoice in chunk:\n            writer.writerow([invoice[c] for c in COLUMNS])"
ROWS_FAST = "writer.writerows([invoice[c] for c in COLUMNS] for invoice in chunk)"


def _write(repo: Path, name: str, text: str) -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def prepare(repo, git):
    _write(repo, "README.md", "# invoices\n\nList, create and export invoices.\n")
    _write(repo, "VERSION", "1.4.0\n")
    _write(repo, "invoices/__init__.py", "")
    _write(repo, "invoices/pagination.py", PAGINATION.format(comparison="<="))
    _write(repo, "tests/test_pagination.py", TESTS)
    git("add", "-A")
    git("commit", "-q", "-m", "Invoices API 1.4.0")
    git("tag", "v1.4.0")

    git("switch", "-q", "-c", "release/1.4")
    _write(repo, "VERSION", "1.4.1-dev\n")
    git("commit", "-q", "-am", "Start 1.4.1 development")

    git("switch", "-q", "main")
    _write(repo, "invoices/pagination.py", PAGINATION.format(comparison="<=") + PAGE_COUNT)
    _write(repo, "invoices/export.py", EXPORT.format(rows=ROWS_LOOP))
    git("add", "-A")
    git("commit", "-q", "-m", "Add CSV export")
    _write(repo, "invoices/pagination.py", PAGINATION.format(comparison="<") + PAGE_COUNT)
    _write(repo, "tests/test_pagination.py", TESTS + REGRESSION_TEST)
    git(
        "commit",
        "-q",
        "-am",
        "Fix has_next on the last full page\n\n"
        "A list that exactly fills its last page reported a next page, so clients asked for\n"
        "an empty page after it.",
    )
    _write(repo, "invoices/export.py", EXPORT.format(rows=ROWS_FAST))
    git("commit", "-q", "-am", "Write CSV rows in one call")
