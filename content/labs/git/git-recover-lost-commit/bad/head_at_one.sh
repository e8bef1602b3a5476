#!/usr/bin/env bash
# "HEAD@{1} is where I was before": branch from the previous position of HEAD.
set -euo pipefail

git branch recover/retry 'HEAD@{1}'
