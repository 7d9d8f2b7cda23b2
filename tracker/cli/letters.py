"""催报函 and the printed lists from the command line: letters, due-soon (overdue --pdf is in
status)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.cli.output import table
from tracker.cli.parsing import Subparsers, bounded_int, date_arg
from tracker.cli.scope import ledger_query, resolve_scope, status_filters
from tracker.domain.clock import today
from tracker.domain.dates import format_cn
from tracker.domain.errors import ValidationError

if TYPE_CHECKING:
    from tracker.cli.context import Context


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    text = "生成催报函（编号、记录催报、存档），写入一个 PDF 供打印"
    p = sub.add_parser("letters", help=text, description=text, parents=[common])
    p.add_argument(
        "--as-of", type=date_arg, help="统计截止日期（默认今天；发函日期早于今天时为发函日期）"
    )
    p.add_argument("--date", type=date_arg, help="发函日期（默认今天）")
    p.add_argument("--notice", help="通知文号或标题")
    p.add_argument("--requirement", help="报送事项名称")
    p.add_argument("--unit", action="append", default=[], help="单位（可多个；默认全部逾期单位）")
    p.add_argument("--category", action="append", default=[], help="单位类别（可多个）")
    p.add_argument("--mode", choices=("unit", "category"), default="unit",
                   help="unit：每个单位一封；category：每个类别一封，附未报送单位名单")  # fmt: skip
    p.add_argument("--to", help="按类别发函时的主送机关（默认如“各区市场监管局”）")
    p.add_argument("--template", type=Path, help="正文模板文件（UTF-8 或 GBK，占位符见设置）")
    p.add_argument("--out", type=Path, help="输出 PDF（全部函件，供打印）")
    p.add_argument("--split", type=Path, metavar="DIR", help="另把每封函存为单独的 PDF（供邮件）")
    p.add_argument("--docx", type=Path, metavar="FILE.docx",
                   help="另存为 Word 文档（全部函件，可修改；重新打印时不可用）")  # fmt: skip
    p.add_argument("--preview", action="store_true", help="只预览：不编号、不记录催报")
    p.add_argument("--reprint", metavar="NUMBER", help="重新打印已发出的函（按文号）")
    p.add_argument("--list", action="store_true", help="列出已发出的催报函")
    p.set_defaults(func=cmd_letters)

    text = "即将到期仍未报齐的名单（可输出 PDF）"
    p = sub.add_parser("due-soon", help=text, description=text, parents=[common])
    status_filters(p)
    p.add_argument(
        "--within", type=bounded_int(1, 250), default=5, help="几个工作日内到期（默认 5）"
    )
    p.add_argument("--pdf", type=Path, help="输出 A4 横向 PDF")
    p.set_defaults(func=cmd_due_soon)


def _request(args: argparse.Namespace, ctx: Context) -> Any:
    from tracker.domain.letter_request import LetterRequest

    sv = ctx.services
    notice_ids, req_ids, categories = resolve_scope(args, sv)
    template = None
    if args.template:
        from tracker.services.text_files import read_text_file

        template = read_text_file(args.template, "正文模板")  # UTF-8 or Notepad's GBK
    return LetterRequest(
        # a back-dated letter counts as of its own date (it cannot report a later day)
        as_of=args.as_of or min(today(), args.date or today()),
        letter_date=args.date,
        mode=args.mode,
        notice_ids=notice_ids,
        requirement_ids=req_ids,
        unit_ids=tuple(sv.units.resolve(u).id for u in args.unit),
        categories=categories,
        template=template,
        addressee=args.to,
    )


def cmd_letters(args: argparse.Namespace, ctx: Context) -> int:
    if args.list:
        return _list(ctx)
    if args.out is None:
        raise ValidationError("请用 --out 指定输出的 PDF 文件")
    if args.reprint:
        if args.docx:
            raise ValidationError("已发出的函只存档 PDF：--docx 只能在发函或预览时使用")
        letter = ctx.services.letters.find(args.reprint)
        _save(ctx.services.letters.letter_pdf(letter), args.out)
        print(f"已重新输出 {letter.number}（致{letter.addressee}）：{args.out}")
        return 0
    req = _request(args, ctx)
    for warning in ctx.services.letters.warnings(req):
        print(warning)
    if args.preview:
        return _preview(args, ctx, req)
    for folder in (args.out.parent, args.split):  # refused before anything is numbered
        if folder is not None:
            _check_writable(Path(folder))
    result = ctx.services.letters.issue(req)
    _write(args.out, result)
    for letter in result.letters:
        items = len(letter.obligation_ids)
        print(f"{letter.number}  致{letter.addressee}  {items}项  {letter.pages}页")
    if args.split:
        from tracker.domain.letter_request import split_name

        for letter in result.letters:
            pdf = ctx.services.letters.letter_pdf(letter)
            _save(pdf, args.split / split_name(letter.number, letter.addressee))
        print(f"每封函的 PDF 已存入：{args.split}")
    if args.docx:
        _write_docx(args.docx, result.contents)
    _warn_missing(result.missing_chars)
    print(f"已发出催报函 {len(result.letters)} 封，并记录为催报；打印文件：{args.out}")
    return 0


def _preview(args: argparse.Namespace, ctx: Context, req: Any) -> int:
    from tracker.reports.pdf_letters import write_letters

    drafts = ctx.services.letters.drafts(req)
    duplex = ctx.services.settings.office().letter_duplex
    report = write_letters(args.out, [d.content for d in drafts], duplex=duplex)
    if args.docx:
        _write_docx(args.docx, [d.content for d in drafts])
    _warn_missing(report.missing_chars)
    print(f"预览 {len(drafts)} 封（未编号、未记录催报）：{args.out}")
    return 0


def _write_docx(path: Path, contents: list[Any]) -> None:
    from tracker.reports.docx_letter import write_letters_docx

    write_letters_docx(path, contents)
    print(f"Word 文档：{path}")


def _list(ctx: Context) -> int:
    rows = [
        [x.number, format_cn(x.letter_date), x.addressee, str(len(x.obligation_ids)), x.title]
        for x in ctx.services.letters.issued()
    ]
    print(table(("文号", "发函日期", "主送", "事项数", "标题"), rows))
    return 0


def _check_writable(folder: Path) -> None:
    import tempfile

    from tracker.domain.errors import os_failure

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise os_failure(exc, f"无法写入文件夹“{folder}”，没有发出任何函件") from None


def _write(path: Path, result: Any) -> None:
    """The printable PDF; the letters are issued already, so a failure says where they are."""
    from tracker.domain.errors import TrackerError, os_error_text

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(result.combined)
    except OSError as exc:
        numbers = [x.number for x in result.letters]
        archive = result.letters[0].archive_path.parent.parent
        why = "文件可能正在阅读器中打开" if isinstance(exc, PermissionError) else os_error_text(exc)
        raise TrackerError(
            f"已发出催报函 {len(numbers)} 封（{numbers[0]}"
            + (f" 至 {numbers[-1]}" if len(numbers) > 1 else "")
            + f"），已编号、记为催报并存档在“{archive}”；但无法写入“{path}”（{why}）。"
            f'可用 tracker letters --reprint "{numbers[0]}" --out 其他文件 重新输出'
        ) from None


def _save(data: bytes, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(data)


def _warn_missing(chars: set[str]) -> None:
    if chars:
        print(f"警告：以下字符在所有字体中都没有，打印时会显示为方框：{''.join(sorted(chars))}")


def cmd_due_soon(args: argparse.Namespace, ctx: Context) -> int:
    report = ctx.services.lists.due_soon(ledger_query(args, ctx, ()), args.within)
    rows = [
        [r.unit_name, r.requirement_title, format_cn(r.effective_deadline),
         str(r.workdays_left), r.missing_forms.label]
        for _, _, group in report.groups
        for r in group
    ]  # fmt: skip
    print(table(("单位", "报送事项", "时限", "剩余工作日", "尚缺"), rows))
    print(report.totals)
    if args.pdf:
        _warn_missing(ctx.services.lists.write(report, args.pdf))
        print(f"已输出：{args.pdf}")
    return 0
