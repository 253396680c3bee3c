"""The FastAPI application factory; ``create_app()`` is what uvicorn's workers import.

The lifespan opens the store (running migrations), loads the pipeline's components once,
and starts the background jobs; everything is closed again on shutdown.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from fastapi import FastAPI

from api import review as review_pages
from api.middleware import (
    BodyLimitMiddleware,
    LongWaitBudgetMiddleware,
    RequestContextMiddleware,
    TimeoutMiddleware,
)
from api.openapi import install_openapi
from api.problems import install_problem_handlers
from api.review.page_images import close_page_images
from api.routes import models, operations, orders, review, webhooks
from api.runtime import BackgroundJobs, Runtime, load_components_factory, watch_supervisor
from api.security import SecurityHeadersMiddleware
from api.settings import ApiSettings
from triage.components import admission_gate
from triage.config import Settings, get_settings
from triage.logs import configure_logging
from triage.pipeline import Components
from triage.service import DestinationPolicy
from triage.store import Store, open_store

__all__ = ["create_app"]

DESCRIPTION = (
    "Checks signed order-form PDFs against the CPQ quote and the ERP customer record, "
    "scores dispute/delay risk and routes exceptions to a review queue. Authenticate with "
    "`Authorization: Bearer <API key>`; every error is `application/problem+json`."
)


def create_app(
    settings: Settings | None = None,
    api_settings: ApiSettings | None = None,
    *,
    store: Store | None = None,
    parts: Components | None = None,
) -> FastAPI:
    """Return the app; ``store`` and ``parts`` are built in the lifespan unless given."""
    settings = settings or get_settings()
    api_settings = api_settings or ApiSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging(settings.log_level, settings.log_format)
        watch_supervisor()
        own_store = store or open_store(settings.resolved_database_url, settings.data_dir)
        own_parts = parts or load_components_factory(api_settings.components)(settings)
        app.state.runtime = Runtime(
            settings=settings,
            api_settings=api_settings,
            store=own_store,
            parts=own_parts,
            policy=api_settings.idempotency_policy(),
            destinations=DestinationPolicy.from_settings(settings),
            admission=admission_gate(settings),
        )
        jobs = BackgroundJobs(
            own_store,
            api_settings.webhook_poll_s,
            app.state.runtime.destinations,
            api_settings.delivery_limits(),
        )
        if api_settings.background_jobs:
            jobs.start()
        try:
            yield
        finally:
            jobs.stop()
            close_page_images(app.state)
            close = getattr(own_parts, "close", None)
            if parts is None and close is not None:
                with suppress(Exception):
                    close()
            if store is None:
                own_store.close()

    app = FastAPI(
        title="Contract Exception Triage",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    for module in (orders, review, models, webhooks, operations):
        app.include_router(module.router)
    app.include_router(review_pages.router)
    install_problem_handlers(app)
    install_openapi(app)
    app.add_middleware(
        LongWaitBudgetMiddleware,
        routes=frozenset({("POST", "/v1/orders")}),
        slots=api_settings.order_threads,
        wait_s=api_settings.admission_wait_s,
    )
    app.add_middleware(TimeoutMiddleware, seconds=api_settings.request_timeout_s)
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=int(settings.max_upload_mb * 1024 * 1024),
        limit_name="max_upload_mb",
    )
    app.add_middleware(RequestContextMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)  # outermost: even a 500 carries the headers
    return app
