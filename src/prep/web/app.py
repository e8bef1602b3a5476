"""The FastAPI application: pages, the JSON API, and the guards every request passes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from prep.content.catalog import Catalog
from prep.store.database import Database
from prep.web.config import WebConfig
from prep.web.guard import API_PREFIX, RequestGuard
from prep.web.problems import (
    ApiError,
    FieldError,
    Problem,
    problem_response,
    validation_errors,
)
from prep.web.services import AppServices

STATIC_DIR = Path(__file__).parent / "static"


def create_app(config: WebConfig, catalog: Catalog, db: Database) -> FastAPI:
    """The app over an open catalog and database; the caller owns their lifetime."""
    svc = AppServices(config.validated(), catalog, db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        svc.close()

    app = FastAPI(
        title="prep",
        version="1.0.0",
        summary="Interview preparation: curriculum, spaced repetition and a judge.",
        docs_url=None,  # served below from bundled assets: the app must work offline
        openapi_url="/api/v1/openapi.json",
        lifespan=lifespan,
    )
    app.state.services = svc
    app.state.local_user_id = db.local_user_id()

    if not config.hosted:
        # A page on another site can point a browser at 127.0.0.1 by a name it controls (DNS
        # rebinding); only our own host names are answered.
        app.add_middleware(
            TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost", "[::1]", "testserver"]
        )

    # Added last, so it runs first: before the host check, as every request's first guard.
    app.add_middleware(RequestGuard, error=_error)

    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, exc: ApiError) -> Response:
        return _error(request, exc.status, exc.detail, exc.errors, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = validation_errors(exc)
        detail = "; ".join(f"{e.field}: {e.message}" for e in errors)
        return _error(request, 422, detail, errors)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(exc.headers) if exc.headers else None
        if exc.status_code == 405:
            # Starlette names only the first route that matched the path; a path served by
            # several routes (GET and PATCH /settings) must list all their methods.
            headers = {"Allow": ", ".join(_allowed_methods(app, request))}
        return _error(request, exc.status_code, str(exc.detail), headers=headers)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        """Liveness for load balancers and the load benchmark's baseline: touches nothing."""
        return {"status": "ok"}

    from prep.web import api, labs, pages

    app.include_router(api.router)
    app.include_router(labs.api_router)
    app.include_router(pages.router)
    app.include_router(labs.page_router)
    _mount_docs(app)  # before /static, which would otherwise claim /static/docs
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _declare_problem_schema(app)
    return app


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from the copy fastapi-offline ships, not from a CDN."""
    import fastapi_offline
    from fastapi.openapi.docs import get_swagger_ui_html

    assets = Path(fastapi_offline.__file__).parent / "static"
    app.mount("/static/docs", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> Response:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/api/v1/openapi.json",
            title="prep API",
            swagger_js_url="/static/docs/swagger-ui-bundle.js",
            swagger_css_url="/static/docs/swagger-ui.css",
            swagger_favicon_url="/static/docs/favicon.png",
        )


def _allowed_methods(app: FastAPI, request: Request) -> list[str]:
    methods: set[str] = set()
    for route in app.router.routes:
        if isinstance(route, APIRoute) and route.path_regex.match(request.url.path):
            methods |= route.methods or set()
    return sorted(methods)


def _error(
    request: Request,
    status: int,
    detail: str,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    if request.url.path.startswith(API_PREFIX):
        return problem_response(request, status, detail, errors, headers)
    from prep.web.pages import error_page

    return error_page(request, status, detail, headers)


def _declare_problem_schema(app: FastAPI) -> None:
    """Put the Problem model into the OpenAPI components the error responses refer to."""
    original = app.openapi

    def openapi() -> dict[str, object]:
        if app.openapi_schema is None:
            schema = original()
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components.update(
                Problem.model_json_schema(ref_template="#/components/schemas/{model}")["$defs"]
            )
            problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
            problem.pop("$defs", None)
            components["Problem"] = problem
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
