"""Checks of the merged repository. setup.py's history is deterministic, so the commits main
and the feature branch pointed at before the merge have fixed ids."""

import re

MAIN_BEFORE = "2a701f03f41c825c61fa07c7948481e778f09e1e"
FEATURE = "36bddffbe2d7131fcb967bed13aab09a5f98ca79"
ORIGINS = [
    "https://admin.example.com",
    "https://app.example.com",
    "https://partners.example.com",
]
REQUIREMENTS = [
    "fastapi==0.110.0",
    "httpx==0.27.0",
    "pydantic==2.6.4",
    "redis==5.0.4",
    "uvicorn==0.29.0",
]
CHANGELOG_ENTRIES = [
    "- Admin console origin allowed.",
    "- Partner portal may call the API, 120 requests a minute per key.",
    "- First release: create, list and cancel orders.",
]
MARKER = re.compile(r"^(?:<{7}|>{7}|\|{7})(?: |$)|^={7}$", re.MULTILINE)


def _file(git, path):
    return git("cat-file", "blob", f"main:{path}")


def check_merge_commit(git):
    tip, *parents = git("rev-list", "--parents", "-n", "1", "main").split()
    assert len(parents) == 2, (
        f"main's last commit {tip[:10]} has {len(parents)} parent(s); a merge commit has two"
    )
    assert parents[0] == MAIN_BEFORE, (
        f"the merge's first parent is {parents[0][:10]}, not {MAIN_BEFORE[:10]} where main was:"
        " merge the feature branch while on main"
    )
    assert parents[1] == FEATURE, (
        f"the merge's second parent is {parents[1][:10]}, not the tip of feature/partner-api"
        f" ({FEATURE[:10]})"
    )


def check_both_sides_kept(git):
    settings = _file(git, "orders/settings.py")
    found = re.search(r"^ALLOWED_ORIGINS\s*=\s*\[(.*?)\]", settings, re.MULTILINE | re.DOTALL)
    assert found, "orders/settings.py on main no longer defines the ALLOWED_ORIGINS list"
    origins = sorted(re.findall(r"[\"']([^\"'\n]+)[\"']", found.group(1)))
    assert origins == ORIGINS, f"ALLOWED_ORIGINS holds {origins}; expected each of {ORIGINS} once"
    assert re.search(r"^REQUEST_TIMEOUT_S\s*=\s*10\s*$", settings, re.MULTILINE), (
        "main raised REQUEST_TIMEOUT_S to 10 in orders/settings.py; the merge result lost it"
    )
    assert re.search(r"^RATE_LIMIT_PER_MINUTE\s*=\s*120\s*$", settings, re.MULTILINE), (
        "the branch added RATE_LIMIT_PER_MINUTE = 120 to orders/settings.py; the merge lost it"
    )
    lines = _file(git, "requirements.txt").splitlines()
    requirements = sorted(line.strip() for line in lines if line.strip())
    assert requirements == REQUIREMENTS, (
        f"requirements.txt lists {requirements}; expected {REQUIREMENTS} (in any order)"
    )
    changelog = _file(git, "CHANGELOG.md")
    for entry in CHANGELOG_ENTRIES:
        assert entry in changelog.splitlines(), f"CHANGELOG.md on main lacks the line {entry!r}"


def check_no_conflict_markers(git):
    marked = []
    for entry in git("ls-tree", "-r", "-z", "main").split("\0"):
        if not entry:
            continue
        meta, path = entry.split("\t", 1)
        _, kind, oid = meta.split()
        if kind == "blob" and MARKER.search(git("cat-file", "blob", oid)):
            marked.append(path)
    assert not marked, f"conflict markers are committed in: {', '.join(marked)}"


def check_nothing_left_over(git):
    unmerged = sorted({line.split("\t", 1)[-1] for line in git("ls-files", "-u").splitlines()})
    assert not unmerged, f"these paths are still unmerged: {', '.join(unmerged)}"
    changed = git("status", "--porcelain=v1", "--untracked-files=no").rstrip()
    assert not changed, f"tracked files differ from the last commit:\n{changed}"
