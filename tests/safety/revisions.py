"""A schema revision newer than the app's head, to exercise upgrades before one exists."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tracker.store import migrate

PROBE_REVISION = "9001"
PROBE = '''"""A probe revision added by the safety tests."""

import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("safety_probe", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("units") as batch:
        batch.add_column(sa.Column("probe_note", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("units") as batch:
        batch.drop_column("probe_note")
    op.drop_table("safety_probe")
'''


def add_probe_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Copy the migrations, add revision 9001 on top, and make it the app's head."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    old_head = migrate.HEAD_REVISION
    (scripts / "versions" / "9001_probe.py").write_text(PROBE.replace("{down}", old_head))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(migrate, "HEAD_REVISION", PROBE_REVISION)
    return old_head
