"""Checks of the recovery. setup.py's history is deterministic, so the lost commits, their
trees and the branch tips have fixed ids. A copy of the lost commits (cherry-picked onto the
same base) is as good as the originals: what matters is the work, with its history."""

BASE = "5c3d75fdb1092d14eb2fbc0ef71049f7330fe357"  # Log every request
RETRY_TREE = "11089292c98b7118dcc9d9a522c17c2250c73f97"  # Retry idempotent requests...
TESTS_TREE = "074cbfefca2150fb5a5fe85a6bb3708899c1f6c3"  # Test the retry policy
TIPS = {
    "main": "4fce894c704af7430bd0e68b2223eb01b8bf2c55",
    "docs/usage": "4fc4bcfb57de7538a61ef5b8fb7043c773118d8e",
}
BRANCH = "recover/retry"


def _tip(git, branch):
    return git("for-each-ref", "--format=%(objectname)", f"refs/heads/{branch}").strip() or None


def _commit(git, oid):
    """(tree, parents, subject) read from the commit object itself."""
    headers, _, message = git("cat-file", "commit", oid).partition("\n\n")
    fields = [line.split(" ", 1) for line in headers.splitlines() if not line.startswith(" ")]
    tree = next(value for key, value in fields if key == "tree")
    parents = [value for key, value in fields if key == "parent"]
    return tree, parents, message.split("\n", 1)[0]


def check_recovered_work(git):
    tip = _tip(git, BRANCH)
    assert tip, f"there is no branch named {BRANCH}"
    tree, parents, subject = _commit(git, tip)
    assert tree == TESTS_TREE, (
        f"{BRANCH} points at {tip[:10]} ({subject!r}), which does not hold the files of the"
        " lost commit 'Test the retry policy'"
    )
    assert len(parents) == 1, f"{BRANCH}'s tip has {len(parents)} parents; the lost commit had one"
    below, grandparents, subject = _commit(git, parents[0])
    assert below == RETRY_TREE, (
        f"the commit below {BRANCH}'s tip ({subject!r}) is not the lost commit 'Retry idempotent"
        " requests with backoff'"
    )
    assert grandparents == [BASE], (
        "the recovered commits no longer sit on 'Log every request', where they were made"
    )


def check_branches_untouched(git):
    for branch, expected in TIPS.items():
        tip = _tip(git, branch)
        assert tip == expected, (
            f"{branch} moved: it pointed at {expected[:10]} and now points at"
            f" {tip[:10] if tip else 'nothing (the branch is gone)'}"
        )
