#!/usr/bin/env bash
# Interactive rebase "onto main" out of habit, stopping at the commit to reword.
set -euo pipefail

git switch feature/audit-log
GIT_SEQUENCE_EDITOR="sed -i -e '2 s/^pick /edit /'" git rebase -i main
git commit --amend -m "Record which user triggered each audit event"
git rebase --continue
