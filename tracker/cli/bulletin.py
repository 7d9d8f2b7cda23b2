"""``tracker bulletin --notice N [--year Y] [--as-of D] --out FILE.pdf [--docx FILE.docx]``:
the 上报情况通报 (numbered, archived, reprintable), its 样稿, the list of those issued."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.cli.output import table
from tracker.cli.parsing import Subparsers, add_command, bounded_int, date_arg, year_arg
from tracker.domain.clock import today
from tracker.domain.dates import format_cn
from tracker.domain.errors import TrackerError, ValidationError

if TYPE_CHECKING:
    from tracker.cli.context import Context
    from tracker.domain.bulletin_request import BulletinRequest


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub, common, "bulletin",
        "印发上报情况通报（GB/T 9704 公文格式，附排名表；编号、存档，可另存 .docx）", cmd_bulletin,
    )  # fmt: skip
    p.add_argument("--notice", metavar="N", help="通知文号或标题")
    p.add_argument("--year", type=year_arg, help="只通报原定时限在该年的事项")
    p.add_argument("--as-of", type=date_arg, help="统计截止日期（默认今天）")
    p.add_argument("--out", type=Path, metavar="FILE.pdf", help="输出 PDF")
    p.add_argument("--docx", type=Path, metavar="FILE.docx", help="另存为 Word 文档（可修改）")
    p.add_argument("--date", type=date_arg, help="成文日期（默认今天）")
    p.add_argument(
        "--number", type=bounded_int(1, 99_999), metavar="N", help="指定文号的序号（默认取下一个）"
    )
    p.add_argument("--to", help="主送机关（默认按报送单位的类别，如“各区市场监管局”）")
    p.add_argument("--template", type=Path, help="正文模板文件（UTF-8 或 GBK，占位符见设置）")
    p.add_argument("--preview", action="store_true", help="只出样稿：不编号、不存档")
    p.add_argument("--reprint", metavar="NUMBER", help="重新输出已印发的通报（按文号）")
    p.add_argument("--list", action="store_true", help="列出已印发的通报")


def _request(args: argparse.Namespace, ctx: Context) -> BulletinRequest:
    from tracker.domain.bulletin_request import BulletinRequest

    if not args.notice:
        raise ValidationError("请用 --notice 指定要通报的通知（文号或标题）")
    template = None
    if args.template:
        from tracker.services.text_files import read_text_file

        template = read_text_file(args.template, "正文模板")  # UTF-8 or Notepad's GBK
    return BulletinRequest(
        notice_id=ctx.services.notices.resolve(args.notice).id,
        as_of=args.as_of or today(),
        year=args.year,
        bulletin_date=args.date,
        template=template,
        addressee=args.to,
        sequence=args.number,
    )


def cmd_bulletin(args: argparse.Namespace, ctx: Context) -> int:
    service = ctx.services.bulletins
    if args.list:
        rows = [
            [b.number, format_cn(b.bulletin_date), b.title, str(b.named), str(b.pages)]
            for b in service.issued()
        ]
        print(table(("文号", "成文日期", "标题", "点名", "页数"), rows))
        return 0
    if args.out is None:
        raise ValidationError("请用 --out 指定输出的 PDF 文件")
    if args.reprint:
        from tracker.services.files import read_archived

        record = service.find(args.reprint)
        _write(args.out, read_archived(record.pdf_path, record.number))  # as it was issued
        if args.docx:
            _write(args.docx, read_archived(record.docx_path, f"{record.number}的 Word 文档"))
        print(f"已重新输出 {record.number}《{record.title}》：{args.out}")
        return 0
    req = _request(args, ctx)
    if args.preview:
        _write(args.out, service.preview_pdf(req))
        if args.docx:
            from tracker.reports.docx_bulletin import write_bulletin_docx

            write_bulletin_docx(args.docx, service.draft(req))
        print(f"样稿（未编号、未存档）：{args.out}")
        return 0
    for target in (args.out, args.docx):  # refused before anything is numbered
        if target is not None:
            _check_writable(target.parent)
    issued = service.issue(req)
    _write(args.out, issued.pdf, issued.record.number)
    if args.docx:
        _copy(issued.record.docx_path, args.docx, issued.record.number)
        print(f"Word 文档：{args.docx}")
    if issued.missing_chars:
        chars = "".join(sorted(issued.missing_chars))
        print(f"警告：以下字符在所有字体中都没有，打印时会显示为方框：{chars}")
    record = issued.record
    what = f"{record.number}《{record.title}》，{record.pages}页，点名{record.named}项"
    print(f"已印发 {what}：{args.out}")
    return 0


def _check_writable(folder: Path) -> None:
    import tempfile

    from tracker.domain.errors import os_failure

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise os_failure(exc, f"无法写入文件夹“{folder}”，没有印发通报") from None


def _write(path: Path, data: bytes, number: str = "") -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as exc:
        raise _not_written(path, exc, number) from None


def _copy(src: Path, dest: Path, number: str = "") -> None:
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
    except OSError as exc:
        raise _not_written(dest, exc, number) from None


def _not_written(path: Path, exc: OSError, number: str) -> TrackerError:
    """A file that could not be written; after issuing, says the 通报 is numbered and where."""
    from tracker.domain.errors import os_error_text

    why = (
        "文件可能正在 Word 或阅读器中打开"
        if isinstance(exc, PermissionError)
        else os_error_text(exc)
    )
    if not number:
        return TrackerError(f"无法写入“{path}”（{why}）")
    return TrackerError(
        f"通报 {number} 已印发（已编号存档）；但无法写入“{path}”（{why}）。"
        f'可用 tracker bulletin --reprint "{number}" --out 其他文件 重新输出'
    )
