"""Checks of the squashed branch. setup.py's history is deterministic, so main's tip and the
files the feature adds or changes have fixed ids."""

MAIN = "cf639e1d6e8191b290ba11f5abfbb181228b8b05"  # Document configuration
MESSAGE = "Add full-text search to the catalogue"
BRANCH = "feature/search"
#: The files the feature adds or changes, as they are at the tip of the original branch.
FEATURE_BLOBS = {
    "catalogue/api.py": "2b70a3f8721df17610a25eb911230bdb680e89bb",
    "catalogue/search.py": "d039425a525e6f57fc138a1d3975d060111a6578",
    "tests/test_search.py": "664066d0562754091191de20a2224ceaa3e46ba8",
}


def _tip(git, branch):
    tip = git("for-each-ref", "--format=%(objectname)", f"refs/heads/{branch}").strip()
    assert tip, f"the branch {branch} is gone"
    return tip


def _blobs(git, rev):
    out = {}
    for entry in git("ls-tree", "-r", "-z", rev).split("\0"):
        if entry:
            meta, path = entry.split("\t", 1)
            out[path] = meta.split()[2]
    return out


def check_one_commit_on_main(git):
    tip = _tip(git, BRANCH)
    base = git("merge-base", MAIN, tip).strip()
    assert base == MAIN, (
        f"{BRANCH} does not contain the latest main ({MAIN[:10]}); it still starts from"
        f" {base[:10]}, so it was not rebased"
    )
    new = git("rev-list", "--parents", f"{MAIN}..{tip}").splitlines()
    assert len(new) == 1, f"{BRANCH} has {len(new)} commits on top of main; expected exactly one"
    assert new[0].split()[1:] == [MAIN], (
        f"{BRANCH}'s commit is a merge; the history must be a straight line on top of main"
    )


def check_commit_message(git):
    message = git("cat-file", "commit", _tip(git, BRANCH)).partition("\n\n")[2].strip()
    shown = " / ".join([line for line in message.splitlines() if line.strip()][:4])
    assert message == MESSAGE, f"the branch's last commit says {shown!r}; expected {MESSAGE!r}"


def check_same_content(git):
    expected = _blobs(git, MAIN) | FEATURE_BLOBS
    actual = _blobs(git, _tip(git, BRANCH))
    wrong = sorted(p for p in expected.keys() | actual.keys() if expected.get(p) != actual.get(p))
    assert not wrong, (
        f"compared with the latest main plus the feature's changes, these files differ:"
        f" {', '.join(wrong)}"
    )


def check_main_untouched(git):
    tip = _tip(git, "main")
    assert tip == MAIN, f"main moved: it pointed at {MAIN[:10]}, now at {tip[:10]}"
