"""A throwaway PostgreSQL cluster for the tests, or the server named by TRACKER_TEST_PG_URL.

initdb refuses to run as root, so as root the cluster is made and run by the ``postgres`` user
Debian's package creates. The cluster lives in a temp folder, listens on 127.0.0.1 on a free
port, runs with fsync off (it is thrown away) and is stopped when the test session ends. Each
test gets a fresh database copied from a template that was migrated once.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

TEMPLATE = "tracker_template"
_counter = itertools.count(1)


class PgUnavailable(Exception):
    pass


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise PgUnavailable("PostgreSQL server binaries not found (apt-get install postgresql)")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *cmd]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{c}'" for c in cmd)]


class PgServer:
    """Admin access to a server; hands out one fresh database per test."""

    def __init__(self, base_url: str, owned_dir: Path | None = None) -> None:
        self.base_url = base_url  # postgresql+psycopg://user@host:port/dbname
        self._dir = owned_dir
        self._template_ready = False

    # -- cluster -------------------------------------------------------------------------
    @classmethod
    def start(cls) -> PgServer:
        bindir = _bin_dir()
        folder = Path(tempfile.mkdtemp(prefix="tracker-pg-"))
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
        data, port = folder / "data", _free_port()
        run = _as_server_user
        try:
            subprocess.run(
                run([str(bindir / "initdb"), "-D", str(data), "-U", "tracker", "-A", "trust",
                     "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]),
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
            opts = f"-F -p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=60"
            subprocess.run(
                run([str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l",
                     str(folder / "log"), "-w", "-t", "60", "start"]),
                check=True, capture_output=True, timeout=90,
            )  # fmt: skip
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            err = getattr(exc, "stderr", b"") or b""
            shutil.rmtree(folder, ignore_errors=True)
            raise PgUnavailable(f"could not start PostgreSQL: {exc} {err.decode()[-500:]}") from exc
        return cls(f"postgresql+psycopg://tracker@127.0.0.1:{port}/postgres", folder)

    def stop(self) -> None:
        if self._dir is None:
            return
        subprocess.run(
            _as_server_user(
                [str(_bin_dir() / "pg_ctl"), "-D", str(self._dir / "data"), "-m", "immediate",
                 "-w", "stop"]
            ),
            capture_output=True, timeout=60, check=False,
        )  # fmt: skip
        shutil.rmtree(self._dir, ignore_errors=True)

    # -- databases -----------------------------------------------------------------------
    def url_for(self, name: str) -> str:
        return self.base_url.rsplit("/", 1)[0] + "/" + name

    def _admin(self, sql: str) -> None:
        import psycopg

        conninfo = self.base_url.replace("postgresql+psycopg://", "postgresql://")
        for attempt in range(20):
            try:
                with psycopg.connect(conninfo, autocommit=True) as conn:
                    conn.execute(sql)  # type: ignore[arg-type]
                return
            except psycopg.errors.ObjectInUse:  # the template briefly still in use
                time.sleep(0.1 * (attempt + 1))

    def _ensure_template(self) -> None:
        if self._template_ready:
            return
        from tracker.store.engine import make_engine
        from tracker.store.migrate import ensure_schema

        self._admin(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")
        self._admin(f"CREATE DATABASE {TEMPLATE} TEMPLATE template0 ENCODING 'UTF8'")
        engine = make_engine(self.url_for(TEMPLATE))
        ensure_schema(engine)
        engine.dispose()
        self._template_ready = True

    def new_database(self) -> str:
        self._ensure_template()
        name = f"t_{os.getpid()}_{next(_counter)}"
        self._admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url_for(name)

    def drop(self, url: str) -> None:
        self._admin(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")
