#!/usr/bin/env bash
# Search the reflog for the retry work and take the entry at the bottom of the list.
set -euo pipefail

lost=$(git log --walk-reflogs --format=%H -i --grep=retry HEAD | tail -n 1)
git branch recover/retry "$lost"
