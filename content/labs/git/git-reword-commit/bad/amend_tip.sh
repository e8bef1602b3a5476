#!/usr/bin/env bash
# `--amend` rewrites a message, so amend with the new one (it only ever touches the last commit).
set -euo pipefail

git switch feature/audit-log
git commit --amend -m "Record which user triggered each audit event"
