#!/usr/bin/env bash
# Rebase onto main and stop there: linear, but all four messy commits remain.
set -euo pipefail

git switch feature/search
git rebase main
