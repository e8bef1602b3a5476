#!/usr/bin/env bash
# Undo the reset by resetting main back to the lost commit, then branch from there.
set -euo pipefail

git switch main
git reset --hard 'main@{2}'
git branch recover/retry
