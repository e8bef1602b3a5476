#!/usr/bin/env bash
# Replay the branch on the latest main, folding every commit into the first, then reword it.
set -euo pipefail

git switch feature/search
# The todo list has one "pick" line per commit, oldest first: keep the first, fix up the rest.
GIT_SEQUENCE_EDITOR="sed -i -e '2,\$ s/^pick /fixup /'" git rebase -i main
git commit --amend -m "Add full-text search to the catalogue"
git log --oneline -3
