"""Shared fixtures: a fresh real workspace per test.

The ``services`` of tests under ``tests/services/`` (and of any test marked ``both_databases``)
run twice: on a SQLite file and on a real PostgreSQL server (see ``tests/pg_cluster.py``). A
machine without PostgreSQL skips the second run, unless TRACKER_REQUIRE_PG=1 (CI) makes that a
failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import NoReturn

import pytest

from tests.office_screens import offscreen_platform

os.environ.setdefault("QT_QPA_PLATFORM", offscreen_platform())

from tests.pg_cluster import PgServer, PgUnavailable
from tracker.domain.records import UnitSpec
from tracker.services.bundle import Services

TODAY = date(2023, 12, 1)

pytest_plugins = ["tests.error_reports"]  # no test waits on an error dialog


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run on a fixed 'today' so that dates in 2021/2023 behave the same every year."""
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    monkeypatch.delenv("TRACKER_WORKSPACE", raising=False)
    monkeypatch.delenv("TRACKER_DB_URL", raising=False)


@pytest.fixture
def workspace_dir(tmp_path: Path) -> Path:
    return tmp_path / "台账 工作区"


BACKENDS = ("sqlite", "postgresql")
SERVICE_TESTS = Path(__file__).parent / "services"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "both_databases: run this test's workspace on SQLite and on PostgreSQL"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_backend" not in metafunc.fixturenames:
        return
    in_services = SERVICE_TESTS in Path(str(metafunc.definition.path)).parents
    if in_services or metafunc.definition.get_closest_marker("both_databases"):
        metafunc.parametrize("db_backend", BACKENDS, indirect=True)


def _no_pg(reason: str) -> NoReturn:
    if os.environ.get("TRACKER_REQUIRE_PG") == "1":
        pytest.fail(f"PostgreSQL is required (TRACKER_REQUIRE_PG=1): {reason}")
    pytest.skip(f"PostgreSQL unavailable: {reason}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _no_pg("psycopg is not installed (pip install -e '.[test]')")
    url = os.environ.get("TRACKER_TEST_PG_URL", "").strip()
    if url:
        yield PgServer(url)
        return
    try:
        server = PgServer.start()
    except PgUnavailable as exc:
        _no_pg(str(exc))
    yield server
    server.stop()


@pytest.fixture
def db_backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def db_url(db_backend: str, request: pytest.FixtureRequest) -> Iterator[str | None]:
    """None for a SQLite workspace; else a fresh database on the test PostgreSQL server."""
    if db_backend == "sqlite":
        yield None
        return
    server: PgServer = request.getfixturevalue("pg_server")
    url = server.new_database()
    yield url
    server.drop(url)


@pytest.fixture
def services(workspace_dir: Path, db_url: str | None) -> Iterator[Services]:
    with Services.open(workspace_dir, db_url) as sv:
        yield sv


@pytest.fixture
def tianjin_units(services: Services) -> Services:
    """Three district bureaus, one city bureau and one technical committee."""
    for spec in (
        UnitSpec("和平区市场监管局", "区局", short_name="和平区", aliases=("和平局",)),
        UnitSpec("河西区市场监管局", "区局", short_name="河西区", aliases=("河西局",)),
        UnitSpec("南开区市场监管局", "区局", short_name="南开区", aliases=("南开局",)),
        UnitSpec("市教委", "委办局"),
        UnitSpec("天津市物流标准化技术委员会", "标委会", short_name="物流标委会"),
    ):
        services.units.save(spec)
    return services


@pytest.fixture(scope="session")
def office_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One LibreOffice profile for the run (the first start builds it, which is slow)."""
    return tmp_path_factory.mktemp("lo-profile")
