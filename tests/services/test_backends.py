"""The service tests really run on both databases."""

from __future__ import annotations

import pytest

from tracker.services.bundle import Services


def test_the_workspace_is_on_the_backend_asked_for(services: Services, db_backend: str) -> None:
    assert services.ws.engine.dialect.name == db_backend


def test_a_server_database_has_no_file_backups(services: Services, db_backend: str) -> None:
    if db_backend == "sqlite":
        assert services.backups.available
        return
    assert not services.backups.available and services.backups.list() == []
    with pytest.raises(Exception, match="pg_dump"):
        services.backups.backup()
