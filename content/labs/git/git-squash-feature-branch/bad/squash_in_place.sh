#!/usr/bin/env bash
# Squash with a soft reset to the fork point, forgetting that main has moved on.
set -euo pipefail

git switch feature/search
git reset --soft "$(git merge-base main feature/search)"
git commit -m "Add full-text search to the catalogue"
