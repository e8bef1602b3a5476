#!/usr/bin/env bash
# Copy the two files the fix touched from main and commit them on the release branch.
set -euo pipefail

git switch release/1.4
git checkout main -- invoices/pagination.py tests/test_pagination.py
git commit -m "Fix has_next on the last full page"
