"""Stable ids and matching keys for the entities the store merges across documents."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")
_QUOTES = re.compile(r"[\"'“”‘’«»]")
# Abbreviations written interchangeably with the full position title in releases.
_POSITION_ABBREVIATIONS = (
    ("ผวจ.", "ผู้ว่าราชการจังหวัด"),
    ("รมว.", "รัฐมนตรีว่าการกระทรวง"),
    ("รมช.", "รัฐมนตรีช่วยว่าการกระทรวง"),
    ("นรม.", "นายกรัฐมนตรี"),
    ("ปลัด จ.", "ปลัดจังหวัด"),
    ("พมจ.", "พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด"),
)


def stable_id(kind: str, *parts: str) -> str:
    """16 hex digits of sha1 over the kind and the parts: same input, same id, in any process."""
    digest = hashlib.sha1("\x1f".join((kind, *parts)).encode("utf-8"))
    return digest.hexdigest()[:16]


def article_id_for(canonical_url: str) -> str:
    return stable_id("article", canonical_url)


def compact(value: str | None) -> str:
    """NFC, single spaces, stripped: the form names are compared in."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", value or "")).strip()


def name_key(name: str) -> str:
    """Person names compare without spaces: releases vary the space between given and family name."""
    return compact(name).replace(" ", "").casefold()


def position_key(position: str) -> str:
    key = compact(position).replace(" ", "")
    for abbreviation, full in _POSITION_ABBREVIATIONS:
        key = key.replace(abbreviation.replace(" ", ""), full)
    return key.casefold()


def positions_compatible(key_a: str, key_b: str) -> bool:
    """Same person if either position is unknown or one title contains the other.

    "ผู้ว่าราชการจังหวัดลำปาง" and "ผู้ว่าราชการจังหวัด" are compatible; "นายอำเภอเมือง" and
    "ปลัดจังหวัด" are not, so namesakes in different posts stay different people.
    """
    return not key_a or not key_b or key_a in key_b or key_b in key_a


def programme_key(name: str) -> str:
    return compact(_QUOTES.sub("", name)).casefold()


def venue_key(venue: str, province_code: str | None) -> str:
    return f"{compact(venue).replace(' ', '').casefold()}|{province_code or ''}"
