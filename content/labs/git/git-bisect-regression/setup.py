"""A text utilities package whose slugify() stopped folding accents somewhere between the tag
v1.0 and main, with later commits that touch the same file (one even claims to fix slugs)."""

SLUG_GOOD = '''"""Turn titles into URL slugs."""

import re
import unicodedata


def slugify(title):
    """Lower-case ASCII words joined by hyphens: 'Crème Brûlée!' -> 'creme-brulee'."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", folded.lower()))
'''

SLUG_BAD = '''"""Turn titles into URL slugs."""

import re


def slugify(title):
    """Lower-case ASCII words joined by hyphens: 'Crème Brûlée!' -> 'creme-brulee'."""
    return "-".join(re.findall(r"[a-z0-9]+", title.lower()))
'''

SLUG_CAPPED = '''"""Turn titles into URL slugs."""

import re


def slugify(title, max_length=80):
    """Lower-case ASCII words joined by hyphens: 'Crème Brûlée!' -> 'creme-brulee'.

    The slug is cut at a hyphen so that it is at most `max_length` characters long.
    """
    slug = "-".join(re.findall(r"[a-z0-9]+", title.lower()))
    while len(slug) > max_length and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug[:max_length]
'''

SLUG_UNTITLED = SLUG_CAPPED.replace(
    "    return slug[:max_length]\n", '    return slug[:max_length] or "untitled"\n'
)

WRAP = '''"""Wrap text to a width, breaking at spaces."""


def wrap(text, width=72):
    """Lines of at most `width` characters (a longer word gets a line of its own)."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if len(candidate) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    return lines + [line] if line else lines
'''

TRUNCATE = '''"""Shorten text for previews."""


def truncate(text, limit=140, ellipsis="…"):
    """`text` itself when short enough, else its start and an ellipsis, `limit` in total."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - len(ellipsis))].rstrip() + ellipsis
'''

TRUNCATE_TYPED = TRUNCATE.replace(
    'def truncate(text, limit=140, ellipsis="…"):',
    'def truncate(text: str, limit: int = 140, ellipsis: str = "…") -> str:',
)

WRAP_CHECKED = WRAP.replace(
    '    lines, line = [], ""\n',
    '    if width < 1:\n        raise ValueError(f"width must be at least 1, not {width}")\n'
    '    lines, line = [], ""\n',
)

TEST_SLUG = """from textkit.slug import slugify


def test_words_are_joined_by_hyphens():
    assert slugify("Hello, World") == "hello-world"


def test_digits_are_kept():
    assert slugify("Top 10 tips") == "top-10-tips"
"""

TEST_TRUNCATE = """from textkit.truncate import truncate


def test_short_text_is_unchanged():
    assert truncate("short", limit=10) == "short"


def test_long_text_ends_with_the_ellipsis():
    assert truncate("a" * 20, limit=10) == "a" * 9 + "…"
"""

README = "# textkit\n\nSmall text helpers for a publishing backend.\n"
README_SLUG = README + "\n`slugify(title)` makes URL slugs: accents are folded to ASCII.\n"
README_WRAP = (
    README_SLUG + "\n`wrap(text, width)` breaks lines at spaces; width must be 1 or more.\n"
)
CHANGELOG = "# Changelog\n\n## 1.1.0\n\n- truncate() for previews.\n- slugify(max_length=...).\n"


#: (commit message, files written by the commit); a tag follows the commit it names.
STEPS = [
    (
        "Create textkit with slugify()",
        {
            ".gitignore": "__pycache__/\n",
            "README.md": README,
            "textkit/__init__.py": '__version__ = "1.0.0"\n',
            "textkit/slug.py": SLUG_GOOD,
            "tests/test_slug.py": TEST_SLUG,
        },
    ),
    ("Add wrap()", {"textkit/wrap.py": WRAP}),
    ("tag", "v1.0"),
    ("Document slugify() in the README", {"README.md": README_SLUG}),
    ("Reject widths below 1 in wrap()", {"textkit/wrap.py": WRAP_CHECKED}),
    ("Add truncate() for previews", {"textkit/truncate.py": TRUNCATE}),
    ("Test truncate()", {"tests/test_truncate.py": TEST_TRUNCATE}),
    ("Simplify slug normalisation", {"textkit/slug.py": SLUG_BAD}),
    ("Start a changelog", {"CHANGELOG.md": CHANGELOG}),
    ("Let slugify() cap the slug length", {"textkit/slug.py": SLUG_CAPPED}),
    ("Type hints for truncate()", {"textkit/truncate.py": TRUNCATE_TYPED}),
    ("Fix slugs of empty titles", {"textkit/slug.py": SLUG_UNTITLED}),
    ("Release 1.1.0", {"textkit/__init__.py": '__version__ = "1.1.0"\n'}),
    ("Explain wrap() in the README", {"README.md": README_WRAP}),
]


def prepare(repo, git):
    for message, change in STEPS:
        if message == "tag":
            git("tag", change)
            continue
        for name, text in change.items():
            path = repo / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        git("add", "-A")
        git("commit", "-q", "-m", message)
