#!/usr/bin/env bash
# Squash the branch into main instead of merging it; the files are resolved correctly.
set -euo pipefail

git switch main
git merge --squash feature/partner-api || true
git diff --name-only --diff-filter=U

cat > orders/settings.py <<'EOF'
"""Runtime settings of the orders service."""

DATABASE_URL = "postgresql://orders@localhost/orders"
REQUEST_TIMEOUT_S = 10

ALLOWED_ORIGINS = [
    "https://app.example.com",
    "https://admin.example.com",
    "https://partners.example.com",
]

LOG_LEVEL = "INFO"

# Requests per minute per API key.
RATE_LIMIT_PER_MINUTE = 120
EOF

cat > requirements.txt <<'EOF'
fastapi==0.110.0
httpx==0.27.0
pydantic==2.6.4
redis==5.0.4
uvicorn==0.29.0
EOF

cat > CHANGELOG.md <<'EOF'
# Changelog

## Unreleased

- Admin console origin allowed.
- Partner portal may call the API, 120 requests a minute per key.

## 1.0.0

- First release: create, list and cancel orders.
EOF

git add orders/settings.py requirements.txt CHANGELOG.md
git commit -m "Merge the partner API"
