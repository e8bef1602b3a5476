#!/usr/bin/env bash
# "The fix is on main, so merge main": brings every unreleased main commit along.
set -euo pipefail

git switch release/1.4
git merge --no-edit main
