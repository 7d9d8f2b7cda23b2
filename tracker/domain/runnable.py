"""File types the system would run rather than show: a received file of such a type is never
handed to the system's opener (on Windows, opening ``总结.pdf.exe`` or ``通知.lnk`` runs it)."""

from __future__ import annotations

# Windows runs or installs these (Outlook's blocked attachments, PowerShell, shortcuts, disk
# images that bypass the downloaded-file mark, Office add-ins); Linux desktops run the last.
_RUNNABLE = """
    ade adp app appref-ms application appx appxbundle bas bat bgi cab chm cmd com cpl crt csh
    der diagcab exe fxp gadget grp hlp hpj hta htc inf ins isp its jar jnlp js jse ksh lnk
    mad maf mag mam maq mar mas mat mau mav maw mcf mda mdb mde mdt mdw mdz msc msh msh1 msh2
    mshxml msh1xml msh2xml msi msix msixbundle msp mst msu ops osd pcd pif pl plg prf prg
    printerexport ps1 ps1xml ps2 ps2xml psc1 psc2 psd1 psdm1 py pyc pyo pyw pyz pyzw reg
    scf scr sct search-ms settingcontent-ms shb shs theme url vb vbe vbp vbs vhd vhdx
    library-ms iso img udf vsmacros vsw webpnp website ws wsb wsc wsf wsh xbap xll xnk wll
    desktop sh run appimage command
"""
RUNNABLE_SUFFIXES = frozenset(_RUNNABLE.split())

# Characters that reorder what follows (``总结\u202efdp.exe`` shows as 总结exe.pdf).
BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def without_bidi(name: str) -> str:
    return name.translate(BIDI_CONTROLS)


def runnable_suffix(name: str) -> str | None:
    """The suffix (``.exe``) when the system would run a file of this name, else None; as
    Windows reads it (trailing dots and blanks dropped, the last suffix counts)."""
    base = without_bidi(name).replace("\\", "/").rsplit("/", 1)[-1].rstrip(". ")
    stem, dot, suffix = base.rpartition(".")
    if not dot or not stem:
        return None
    return f".{suffix.lower()}" if suffix.lower() in RUNNABLE_SUFFIXES else None
