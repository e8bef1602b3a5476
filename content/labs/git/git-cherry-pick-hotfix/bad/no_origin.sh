#!/usr/bin/env bash
# Cherry-pick the right commit, without recording where it came from.
set -euo pipefail

fix=$(git log -1 --format=%H --grep='^Fix has_next on the last full page$' main)
git switch release/1.4
git cherry-pick "$fix"
