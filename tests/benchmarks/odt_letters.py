"""A minimal OpenDocument text file holding letters (for the LibreOffice comparison): the same
text, A4 with the letter's margins, 16 pt body, one letter per page group."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from tracker.domain.dates import format_cn
from tracker.domain.letters import LetterContent

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/"
  manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2"'
)

STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NS}>
<office:font-face-decls/>
<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="210mm"
  fo:page-height="297mm" fo:margin-top="37mm" fo:margin-bottom="35mm" fo:margin-left="28mm"
  fo:margin-right="26mm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/>
</office:master-styles>
</office:document-styles>"""

AUTO = """<office:automatic-styles>
 <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties
  fo:text-indent="11mm" fo:line-height="10.2mm" fo:text-align="justify"/>
  <style:text-properties style:font-name-asian="AR PL UMing CN" fo:font-size="16pt"
  style:font-size-asian="16pt"/></style:style>
 <style:style style:name="Head" style:family="paragraph"><style:paragraph-properties
  fo:text-align="center" fo:line-height="10.2mm"/><style:text-properties fo:color="#dd0000"
  fo:font-size="30pt" style:font-size-asian="30pt"/></style:style>
 <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties
  fo:text-align="center" fo:line-height="10.2mm" fo:margin-top="20mm"/><style:text-properties
  fo:font-size="22pt" style:font-size-asian="22pt"/></style:style>
 <style:style style:name="Right" style:family="paragraph"><style:paragraph-properties
  fo:text-align="end" fo:line-height="10.2mm"/><style:text-properties fo:font-size="16pt"
  style:font-size-asian="16pt"/></style:style>
 <style:style style:name="Break" style:family="paragraph" style:parent-style-name="Head">
  <style:paragraph-properties fo:break-before="page"/></style:style>
</office:automatic-styles>"""


def _p(style: str, text: str) -> str:
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'


def letter_xml(letter: LetterContent, first: bool) -> str:
    parts = [_p("Head" if first else "Break", letter.sender_name), _p("Right", letter.number)]
    parts.append(_p("Title", letter.title))
    parts.append(_p("Right", "") + _p("Body", f"{letter.addressee}："))
    parts += [_p("Body", p) for p in letter.paragraphs]
    parts += [_p("Right", ""), _p("Right", ""), _p("Right", letter.signer)]
    parts += [_p("Right", format_cn(letter.letter_date)), _p("Body", letter.contact_line)]
    return "".join(parts)


def write_odt(path: Path, letters: list[LetterContent]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(letter_xml(x, n == 0) for n, x in enumerate(letters))
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>{AUTO}'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", MANIFEST, zipfile.ZIP_DEFLATED)
        z.writestr("styles.xml", STYLES, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path
