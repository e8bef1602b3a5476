#!/usr/bin/env bash
# Interactive rebase with "squash" and the editor's proposed message accepted as it is.
set -euo pipefail

git switch feature/search
GIT_SEQUENCE_EDITOR="sed -i -e '2,\$ s/^pick /squash /'" git rebase -i main
