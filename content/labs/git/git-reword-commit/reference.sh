#!/usr/bin/env bash
# Stop the rebase at the second commit of the branch, amend only its message, carry on.
set -euo pipefail

git switch feature/audit-log
base=$(git merge-base main feature/audit-log)
# Todo lines are oldest first; line 2 is "fix stuff". Rebasing onto the fork point keeps the base.
GIT_SEQUENCE_EDITOR="sed -i -e '2 s/^pick /edit /'" git rebase -i "$base"
git commit --amend -m "Record which user triggered each audit event"
git rebase --continue
git log --oneline main..feature/audit-log
