"""Run in a child on a small real tmpfs (see test_disk_full.py): fill the disk while a window
(a held connection) has the workspace open, then try every kind of write. Prints one JSON line
per attempt: what, ok, the error's class and message."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from datetime import date
from pathlib import Path

from tests.safety.bad_files import roster
from tracker.domain.errors import TrackerError
from tracker.domain.forms import Form
from tracker.domain.records import NoticeSpec, RequirementSpec, UnitSpec
from tracker.services.bundle import Services


def attempt(what: str, fn) -> None:  # type: ignore[no-untyped-def]
    try:
        fn()
    except TrackerError as exc:
        print(json.dumps({"what": what, "ok": False, "kind": type(exc).__name__, "text": str(exc)}))
    except BaseException as exc:
        print(json.dumps({"what": what, "ok": False, "kind": "RAW " + type(exc).__name__,
                          "text": repr(exc)}))  # fmt: skip
    else:
        print(json.dumps({"what": what, "ok": True}))
    sys.stdout.flush()


def main(disk: Path, outside: Path) -> None:
    ws = disk / "ws"
    with Services.open(ws) as sv:
        sv.units.save(UnitSpec("和平区市场监管局", "区局", aliases=("和平局",)))
        sv.units.save(UnitSpec("河西区市场监管局", "区局"))
        sv.settings.update_office(office_name="标准化处", letter_prefix="津标函")
        sv.notices.create(
            NoticeSpec(
                "通知",
                requirements=(
                    RequirementSpec(
                        "总结", date(2023, 6, 27), Form.ELECTRONIC | Form.PAPER, ("区局",)
                    ),
                ),
            )
        )
    holder = sqlite3.connect(ws / "tracker.db")  # a window keeps the workspace open
    holder.execute("SELECT count(*) FROM units").fetchall()
    big = outside / "材料.bin"
    big.write_bytes(os.urandom(600_000))
    new_roster = roster(outside / "名录.xlsx", ("南开区市场监管局", "区局"))
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
        except OSError:
            pass
    sv = Services.open(ws)
    oid = sv.ledger.rows()[0].obligation_id
    attempt("attachment", lambda: sv.ledger.register(oid, Form.ELECTRONIC, files=[big]))
    attempt("roster", lambda: sv.roster.apply(new_roster))
    attempt("backup", lambda: sv.backups.backup())
    attempt("export", lambda: sv.export.write_status(disk / "统计表.xlsx"))
    attempt("register", lambda: sv.ledger.register(oid, Form.PAPER))
    sv.close()
    os.environ["TRACKER_TODAY"] = "2023-12-05"  # a new day: the daily backup cannot be made

    def open_next_day() -> None:
        with Services.open(ws) as other:
            print(json.dumps({"warnings": other.ws.warnings}))
            other.ledger.rows()

    attempt("open", open_next_day)
    holder.close()
    filler.unlink()
    print(json.dumps({"left": sorted(p.name for p in disk.rglob(".*"))}))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
