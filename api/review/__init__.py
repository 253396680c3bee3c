"""The analysts' review pages at ``/review``: queue, order view, decisions and dashboard.

Server-rendered with Jinja2; plain CSS and a little vanilla JavaScript, no build step and
no CDN. ``router`` carries every page; ``api.app`` includes it with one line.
"""

from fastapi import APIRouter

from api.review import order_routes, routes

__all__ = ["router"]

router = APIRouter()
router.include_router(routes.router)
router.include_router(order_routes.router)
