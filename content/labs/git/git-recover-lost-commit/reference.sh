#!/usr/bin/env bash
# main's reflog remembers every commit main pointed at, including the ones the reset dropped.
set -euo pipefail

git reflog show main
lost=$(git log --walk-reflogs -1 --format=%H --grep='^Test the retry policy$' main)
git branch recover/retry "$lost"
git log --oneline recover/retry
