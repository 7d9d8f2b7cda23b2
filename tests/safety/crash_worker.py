"""The process the crash test kills: roster imports and registrations, forever.

Prints a line, flushed, only after each commit: ``import <tag>`` once a whole roster file is
in, ``sub <id>`` once a submission is. ``importing <tag>`` is printed before an import starts.

usage: python -m tests.safety.crash_worker WORKSPACE ROSTER_A ROSTER_B
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from tracker.domain.forms import Form
from tracker.services.bundle import Services


def main(workspace: str, *rosters: str) -> None:
    sv = Services.open(workspace)
    obligations = [r.obligation_id for r in sv.ledger.rows()]
    print("ready", flush=True)
    cycle = itertools.cycle(obligations)
    for roster in itertools.cycle(rosters):
        tag = Path(roster).stem
        print(f"importing {tag}", flush=True)
        sv.roster.apply(Path(roster), allow_new_categories=False)
        print(f"import {tag}", flush=True)
        for _ in range(15):
            change = sv.ledger.register(next(cycle), Form.ELECTRONIC, note="崩溃测试")
            print(f"sub {change.ids[0]}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
