"""What a command runs against: the workspace's services, opened only when first needed."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.services.bundle import Services


class Context:
    """Opens the workspace only when a command needs it (``--help`` stays instant)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._services: Services | None = None

    @property
    def services(self) -> Services:
        if self._services is None:
            from tracker.services.bundle import Services

            self._services = Services.open(
                self.args.workspace,
                self.args.db_url,
                create=getattr(self.args, "create", False),
                files_dir=self.args.files_dir,
            )
            from tracker.process import release_collection

            release_collection()  # start-up is over (see tracker.process)
            for warning in self._services.ws.warnings:
                print(f"注意：{warning}", file=sys.stderr)
        return self._services

    def close(self) -> None:
        if self._services is not None:
            note = self._services.damaged_text_note()
            if note:
                print(note, file=sys.stderr)
            self._services.close()
