"""Decode Thai government HTML whatever its charset claims.

Thai sites mix UTF-8 with TIS-620 / ISO-8859-11 / windows-874 (all decoded as cp874, which is a
superset), declared in the HTTP header, only in a <meta>, not at all, or wrongly. Strategy, in order:

1. A byte-order mark decides.
2. Bytes that decode strictly as UTF-8 and contain non-ASCII are UTF-8, whatever is declared: Thai
   cp874 text is practically never valid UTF-8, while mis-declared UTF-8 pages are common.
3. A declared Thai charset (header first, then meta) -> cp874.
4. A declared Western single-byte charset (latin-1, windows-1252, ascii) on bytes whose high bytes are
   almost all in the Thai block (0xA1-0xFB) -> cp874: that declaration is a CMS default, not the truth.
5. Any other declared charset that decodes strictly wins; otherwise cp874 strictly; otherwise UTF-8
   with replacement characters, so a page is always decoded and the encoding says what was used.
"""

from __future__ import annotations

import codecs
import re

THAI_CHARSETS = frozenset(
    {"cp874", "tis-620", "tis620", "iso-8859-11", "iso8859-11", "windows-874", "x-windows-874"}
)
# Python codec names (after codecs.lookup) of Western single-byte charsets that CMSs declare by default.
WESTERN_CODECS = frozenset({"iso8859-1", "cp1252", "ascii", "iso8859-15"})

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_THAI_HIGH_BYTES = frozenset(range(0xA1, 0xFC))
THAI_SHARE_THRESHOLD = 0.9
META_SCAN_BYTES = 4096


def charset_from_content_type(content_type: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1).lower() if match else None


def charset_from_meta(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:META_SCAN_BYTES])
    return match.group(1).decode("ascii", "ignore").lower() if match else None


def python_codec(charset: str) -> str | None:
    """Python codec name for a declared charset; Thai aliases map to cp874; unknown -> None."""
    if charset in THAI_CHARSETS:
        return "cp874"
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def looks_thai_single_byte(body: bytes) -> bool:
    """True when high bytes sit in the cp874 Thai block and come in runs (Thai words are runs of
    high bytes, while accented Latin text has isolated ones between ASCII letters)."""
    high_positions = [i for i, b in enumerate(body) if b >= 0x80]
    if not high_positions:
        return False
    in_thai_block = sum(body[i] in _THAI_HIGH_BYTES for i in high_positions)
    in_runs = sum(
        (i > 0 and body[i - 1] >= 0x80) or (i + 1 < len(body) and body[i + 1] >= 0x80) for i in high_positions
    )
    return min(in_thai_block, in_runs) / len(high_positions) >= THAI_SHARE_THRESHOLD


def _decode_strict(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, python codec used) for an HTML/XML body; never raises."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if body.startswith(bom):
            return body.decode(codec, "replace").lstrip("\ufeff"), codec
    utf8 = _decode_strict(body, "utf-8")
    declared = [c for c in (charset_from_content_type(content_type), charset_from_meta(body)) if c]
    codecs_declared = [c for c in map(python_codec, declared) if c]
    if utf8 is not None and (not body.isascii() or not codecs_declared):
        return utf8, "utf-8"
    for codec in codecs_declared:
        if codec in WESTERN_CODECS and looks_thai_single_byte(body):
            codec = "cp874"
        text = _decode_strict(body, codec)
        if text is not None:
            return text, codec
    text = _decode_strict(body, "cp874")
    if text is not None:
        return text, "cp874"
    return body.decode("utf-8", "replace"), "utf-8"
