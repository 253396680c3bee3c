"""The HTTP API of the triage service: FastAPI app factory, routes and the ``serve`` command."""
