"""Checks of the back-port. setup.py's history is deterministic, so the branch tips, the fix
and the two files the fix changes have fixed ids."""

RELEASE_BEFORE = "966ee48311423cea1a9e270ac8f5f44c42706488"  # Start 1.4.1 development
FIX = "ec075c208c8b40b0081ce179224b065f27fb8573"  # Fix has_next on the last full page
MAIN = "47ac82afa581c2304c6bd6c33a8fae809f694926"
FIX_SUBJECT = "Fix has_next on the last full page"
#: The files of release/1.4 that the fix changes, as they must be after it.
FIXED_BLOBS = {
    "invoices/pagination.py": "84d1647029e31ee5feef9508cafe1e23c8850af6",
    "tests/test_pagination.py": "b5563128979ea1c8eeb1f5b7da2c0cfb0a8d0ad6",
}
RELEASE = "release/1.4"


def _tip(git, branch):
    return git("for-each-ref", "--format=%(objectname)", f"refs/heads/{branch}").strip() or None


def _release_tip(git):
    tip = _tip(git, RELEASE)
    assert tip, f"the branch {RELEASE} is gone"
    return tip


def _blobs(git, rev):
    out = {}
    for entry in git("ls-tree", "-r", "-z", rev).split("\0"):
        if entry:
            meta, path = entry.split("\t", 1)
            out[path] = meta.split()[2]
    return out


def _subject(git, oid):
    return git("cat-file", "commit", oid).partition("\n\n")[2].split("\n", 1)[0]


def check_one_new_commit(git):
    tip = _release_tip(git)
    base = git("merge-base", RELEASE_BEFORE, tip).strip()
    assert base == RELEASE_BEFORE, (
        f"{RELEASE} no longer contains the commit it pointed at before; add to it, do not reset"
        " or rebase it"
    )
    new = git("rev-list", "--parents", f"{RELEASE_BEFORE}..{tip}").splitlines()
    subjects = [_subject(git, line.split()[0]) for line in new[:6]]
    assert len(new) == 1, (
        f"{RELEASE} gained {len(new)} commits ({'; '.join(subjects) or 'none'}); expected one"
    )
    parents = new[0].split()[1:]
    assert parents == [RELEASE_BEFORE], (
        f"the new commit on {RELEASE} has {len(parents)} parents; a back-ported fix is an"
        " ordinary commit on top of the release branch, not a merge"
    )


def check_exactly_the_fix(git):
    expected = _blobs(git, RELEASE_BEFORE) | FIXED_BLOBS
    actual = _blobs(git, _release_tip(git))
    wrong = sorted(p for p in expected.keys() | actual.keys() if expected.get(p) != actual.get(p))
    assert not wrong, (
        f"compared with {RELEASE} plus the fix alone, these files differ: {', '.join(wrong)}"
    )


def check_records_origin(git):
    message = git("cat-file", "commit", _release_tip(git)).partition("\n\n")[2]
    assert message.split("\n", 1)[0] == FIX_SUBJECT, (
        f"the release commit's subject is {message.splitlines()[0]!r}; keep the fix's own"
        f" subject, {FIX_SUBJECT!r}"
    )
    assert f"(cherry picked from commit {FIX})" in message, (
        "the commit message does not say which main commit the fix came from (the line"
        " git adds when asked to record the origin of a cherry-pick)"
    )


def check_main_untouched(git):
    tip = _tip(git, "main")
    assert tip == MAIN, f"main moved: it pointed at {MAIN[:10]}, now at {(tip or 'nothing')[:10]}"
