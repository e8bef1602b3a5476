"""Checks of the reworded branch. setup.py's history is deterministic, so the fork point,
main's tip and the tree of each of the branch's commits have fixed ids."""

BASE = "5faf9a0b408ca1a9e92e3aa8989d374708d4c929"  # Create the audit service
MAIN = "512c7e8e09f0400cc93643c382a0ca49d27ba095"  # Upgrade FastAPI
BRANCH = "feature/audit-log"
#: The branch's commits, oldest first: the tree each must keep, and its message.
ORIGINAL = [
    ("b453b0c662f18952d7de0e04426cae132cce21fb", "Add the audit event model"),
    ("03c5083014bc9af601f52d433a97848a914bb216", "fix stuff"),
    ("28d1d3b9e3319858811a122d3307d8adc7cc05f6", "Store audit events in PostgreSQL"),
    ("4cd2dbc6da67c23c81bd1f1546a15264447ded14", "Expose audit events over HTTP"),
]
REWORDED = 1
NEW_MESSAGE = "Record which user triggered each audit event"


def _tip(git, branch):
    tip = git("for-each-ref", "--format=%(objectname)", f"refs/heads/{branch}").strip()
    assert tip, f"the branch {branch} is gone"
    return tip


def _commits(git):
    """The branch's commits after the fork point, oldest first: (parents, tree, message)."""
    out = []
    for oid in git("rev-list", "--reverse", "--topo-order", f"{BASE}..{_tip(git, BRANCH)}").split():
        headers, _, message = git("cat-file", "commit", oid).partition("\n\n")
        fields = [line.split(" ", 1) for line in headers.splitlines() if not line.startswith(" ")]
        tree = next(value for key, value in fields if key == "tree")
        parents = [value for key, value in fields if key == "parent"]
        out.append((parents, tree, message.strip()))
    return out


def _four_commits(git):
    commits = _commits(git)
    subjects = "; ".join(message.split("\n", 1)[0] for _, _, message in commits[:6])
    assert len(commits) == len(ORIGINAL), (
        f"{BRANCH} has {len(commits)} commits after its fork point {BASE[:10]} ({subjects});"
        f" expected the same {len(ORIGINAL)} as before"
    )
    return commits


def check_trees_unchanged(git):
    assert git("merge-base", MAIN, _tip(git, BRANCH)).strip() != MAIN, (
        f"{BRANCH} now contains main's newer commit: it was replayed onto main, which changes"
        " the files of every commit"
    )
    commits = _four_commits(git)
    assert commits[0][0] == [BASE], (
        f"{BRANCH} no longer starts from its fork point {BASE[:10]}; rewording must not move it"
    )
    assert all(len(parents) == 1 for parents, _, _ in commits), f"{BRANCH} now contains a merge"
    changed = [
        f"#{i + 1} ({message.splitlines()[0]!r})"
        for i, ((_, tree, message), (original, _)) in enumerate(zip(commits, ORIGINAL, strict=True))
        if tree != original
    ]
    assert not changed, f"these commits no longer hold their original files: {', '.join(changed)}"


def check_message_reworded(git):
    message = _four_commits(git)[REWORDED][2]
    assert message == NEW_MESSAGE, (
        f"commit #{REWORDED + 1} of {BRANCH} says {message!r}; expected {NEW_MESSAGE!r}"
    )


def check_other_messages_kept(git):
    commits = _four_commits(git)
    for i, ((_, _, message), (_, original)) in enumerate(zip(commits, ORIGINAL, strict=True)):
        if i != REWORDED:
            assert message == original, (
                f"commit #{i + 1} of {BRANCH} now says {message!r}; it should still say"
                f" {original!r}"
            )


def check_main_untouched(git):
    tip = _tip(git, "main")
    assert tip == MAIN, f"main moved: it pointed at {MAIN[:10]}, now at {tip[:10]}"
