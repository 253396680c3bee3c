"""Errors tell operators everything (tracebacks in every log format) and callers nothing more."""

from __future__ import annotations

import pytest

from api.problems import internal_error
from triage.auth import Role
from triage.logs import configure_logging


@pytest.mark.parametrize("fmt", ["console", "json"])
def test_the_log_keeps_the_traceback_of_an_unhandled_error(capsys, fmt):
    configure_logging("INFO", fmt)
    try:
        try:
            {}["missing"]  # a real error with a real traceback
        except KeyError as error:
            response = internal_error(error)
        assert response.status_code == 500
        logged = capsys.readouterr().err
        assert "unhandled error" in logged
        assert "Traceback" in logged and "KeyError: 'missing'" in logged
        assert "test_the_log_keeps_the_traceback" in logged  # the frame that raised
    finally:
        configure_logging("INFO", "console")


def test_promoting_an_unknown_version_does_not_show_the_servers_path(client, auth, settings):
    response = client.post("/v1/models/risk-9999.1.1/promote", headers=auth[Role.DATA_SCIENTIST])
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert "risk-9999.1.1" in detail
    assert str(settings.models_dir) not in detail and "/" not in detail
