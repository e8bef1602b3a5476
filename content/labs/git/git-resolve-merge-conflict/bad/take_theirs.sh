#!/usr/bin/env bash
# "Theirs is newer": take the feature branch's version of every conflicted file.
set -euo pipefail

git switch main
git merge feature/partner-api || true
git checkout --theirs -- orders/settings.py requirements.txt CHANGELOG.md
git add orders/settings.py requirements.txt CHANGELOG.md
git commit --no-edit
