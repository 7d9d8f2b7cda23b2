"""The layout a 催报函 and a 通报 share: fields, the body template with its placeholders and
buttons on the left, the live 样稿 on the right, the dialog's buttons below."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)


def arrange_template_editor(
    host: QWidget,
    form: QFormLayout,
    hint: str,
    editor: Sequence[QWidget],
    preview: QWidget,
    buttons: QDialogButtonBox,
    *,
    above: Sequence[QWidget] = (),
    sizes: tuple[int, int] = (520, 640),
) -> None:
    """``editor``: template, placeholders, restore, save-default, problem and summary, in that
    order; ``above`` goes between the fields and the template."""
    template, placeholders, restore, save_default, problem, summary = editor
    left = QWidget()
    col = QVBoxLayout(left)
    col.addLayout(form)
    for widget in above:
        col.addWidget(widget)
    col.addWidget(QLabel(hint))
    col.addWidget(template, 3)
    col.addWidget(placeholders, 2)
    row = QHBoxLayout()
    row.addWidget(restore)
    row.addWidget(save_default)
    row.addStretch(1)
    col.addLayout(row)
    col.addWidget(problem)
    col.addWidget(summary)
    split = QSplitter(Qt.Orientation.Horizontal)
    split.addWidget(left)
    split.addWidget(preview)
    split.setSizes(list(sizes))
    outer = QVBoxLayout(host)
    outer.addWidget(split, 1)
    outer.addWidget(buttons)
