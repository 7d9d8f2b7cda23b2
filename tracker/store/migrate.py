"""Schema only through Alembic; applied when a workspace opens.

Start-up reads the stored revision with one query and imports Alembic only when an upgrade is
due, so opening an up-to-date workspace stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, inspect, text

from tracker.domain.errors import TrackerError

# The newest revision in migrations/versions; tests check it matches Alembic's head.
HEAD_REVISION = "0007"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class SchemaTooNewError(TrackerError):
    pass


def alembic_config(connection: Connection | None = None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def alembic_head() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    return str(heads[0])


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_to(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def ensure_schema(
    engine: Engine, before_upgrade: Callable[[str | None], None] | None = None
) -> bool:
    """Bring the schema to head. Returns True when an upgrade ran.

    ``before_upgrade(current)`` runs first (the workspace backs itself up there). A database
    written by a newer version of the app is refused, untouched.
    """
    with engine.connect() as conn:
        current = current_revision(conn)
    if current == HEAD_REVISION:
        return False
    if current is not None and current not in known_revisions():
        raise SchemaTooNewError(
            f"此台账由更新版本的程序创建（数据库版本 {current}），当前程序无法打开。"
            "请升级“报送督办台账”后再打开；台账文件未作任何改动。"
        )
    if before_upgrade is not None:
        before_upgrade(current)
    upgrade_to(engine)
    return True
