"""A catalogue service with a messy four-commit search branch, while main moved on with
two commits of its own that touch other files."""

from pathlib import Path

MODELS = '''"""The catalogue's products."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    description: str
'''

API = '''"""HTTP routes of the catalogue."""

from fastapi import FastAPI

app = FastAPI()
PRODUCTS = []


@app.get("/products")
def list_products():
    return PRODUCTS
{search}'''

SEARCH_ROUTE = """

@app.get("/search")
def search_products(q: str):
    from catalogue.search import search

    return search(PRODUCTS, q)
"""

SEARCH_WIP = '''"""Full-text search over products."""


def search(products, query):
    words = query.lower().split()
    return [p for p in products if all(w in p.name.lower() for w in wrods)]
'''

SEARCH_TYPO_FIXED = SEARCH_WIP.replace("wrods", "words")

SEARCH_FINAL = '''"""Full-text search: every word of the query must appear in a product's name
or description, case-insensitively."""


def search(products, query):
    words = query.lower().split()

    def matches(product):
        text = f"{product.name} {product.description}".lower()
        return all(word in text for word in words)

    return [product for product in products if matches(product)]
'''

TEST_SEARCH = """from catalogue.models import Product
from catalogue.search import search

LAMP = Product("L1", "Desk lamp", "Warm white LED")
MUG = Product("M1", "Mug", "Stoneware, holds 350 ml")


def test_every_word_must_match():
    assert search([LAMP, MUG], "desk led") == [LAMP]


def test_description_is_searched():
    assert search([LAMP, MUG], "stoneware") == [MUG]
"""

HEALTH = '''"""Liveness endpoint for the load balancer."""

from catalogue.api import app


@app.get("/healthz")
def healthz():
    return {"status": "ok"}
'''

README = "# catalogue\n\nProducts and their descriptions, served over HTTP.\n"
CONFIG = "\n## Configuration\n\n`CATALOGUE_DB_URL` points at the products database.\n"


def _write(repo: Path, name: str, text: str) -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _commit(repo, git, message, files):
    for name, text in files.items():
        _write(repo, name, text)
    git("add", "-A")
    git("commit", "-q", "-m", message)


def prepare(repo, git):
    _commit(
        repo,
        git,
        "Create the catalogue service",
        {
            "README.md": README,
            "catalogue/__init__.py": "",
            "catalogue/models.py": MODELS,
            "catalogue/api.py": API.format(search=""),
        },
    )
    git("switch", "-q", "-c", "feature/search")
    _commit(repo, git, "wip search", {"catalogue/search.py": SEARCH_WIP})
    _commit(repo, git, "fix typo", {"catalogue/search.py": SEARCH_TYPO_FIXED})
    _commit(repo, git, "more wip, tests", {"tests/test_search.py": TEST_SEARCH})
    _commit(
        repo,
        git,
        "address review comments",
        {"catalogue/search.py": SEARCH_FINAL, "catalogue/api.py": API.format(search=SEARCH_ROUTE)},
    )
    git("switch", "-q", "main")
    _commit(repo, git, "Add a liveness endpoint", {"catalogue/health.py": HEALTH})
    _commit(repo, git, "Document configuration", {"README.md": README + CONFIG})
