"""Checks of the bisection. setup.py's history is deterministic, so the commit that broke
slugify() and main's tip have fixed ids."""

FIRST_BAD = "cecf262cfff37e50a3f1f947cb3b186cc22963a3"  # Simplify slug normalisation
MAIN = "35e4a25463b5af62a5183cad8e30011c4296d90b"


def _subject(git, oid):
    message = git("cat-file", "commit", oid).partition("\n\n")[2]
    return message.split("\n", 1)[0]


def check_first_bad_tagged(git):
    found = git("for-each-ref", "--format=%(refname)", "refs/tags/first-bad").strip()
    assert found, "there is no tag named first-bad"
    tagged = git("rev-parse", "--verify", "refs/tags/first-bad^{commit}").strip()
    if tagged == FIRST_BAD:
        return
    where = f"first-bad points at {tagged[:10]} ({_subject(git, tagged)!r})"
    base = git("merge-base", FIRST_BAD, tagged).strip()
    if base == FIRST_BAD:
        raise AssertionError(f"{where}, but slugify() is already broken in an earlier commit")
    if base == tagged:
        raise AssertionError(f"{where}, where slugify() still folds accents correctly")
    raise AssertionError(f"{where}, which is not part of main's history")


def check_bisect_finished(git):
    left = git("for-each-ref", "--format=%(refname)", "refs/bisect/").split()
    assert not left, "a bisect session is still open (refs/bisect/* exist)"
    head = git("rev-parse", "--abbrev-ref", "HEAD").strip()
    assert head == "main", (
        "HEAD is detached" if head == "HEAD" else f"HEAD is on {head}"
    ) + ", not back on main"


def check_main_untouched(git):
    tip = git("for-each-ref", "--format=%(objectname)", "refs/heads/main").strip()
    assert tip == MAIN, f"main moved: it pointed at {MAIN[:10]}, now at {tip[:10] or 'nothing'}"
