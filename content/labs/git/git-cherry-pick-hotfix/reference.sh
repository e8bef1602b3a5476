#!/usr/bin/env bash
# Upstream first: the fix is on main; copy exactly that commit onto the release branch.
set -euo pipefail

fix=$(git log -1 --format=%H --grep='^Fix has_next on the last full page$' main)
git switch release/1.4
git cherry-pick -x "$fix"
git log --oneline -3
