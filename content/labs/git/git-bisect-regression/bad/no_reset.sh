#!/usr/bin/env bash
# Bisect and tag the right commit, but never end the bisect session.
set -euo pipefail

git bisect start main v1.0
git bisect run python3 -c '
import sys
from textkit.slug import slugify
sys.exit(0 if slugify("Crème brûlée") == "creme-brulee" else 1)
'
git tag first-bad refs/bisect/bad
