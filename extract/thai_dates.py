"""Thai dates and times: parse_thai_date and the event-date extractor (stub to be deepened)."""

from __future__ import annotations

import re
from datetime import date

from extract.results import EventDates

FULL_MONTHS = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
]
ABBR_MONTHS = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
]
MONTH_NUMBER = {m: i + 1 for i, m in enumerate(FULL_MONTHS)} | {m: i + 1 for i, m in enumerate(ABBR_MONTHS)}
MONTH_RE = "|".join(sorted(map(re.escape, MONTH_NUMBER), key=len, reverse=True))
_DATE_RE = re.compile(rf"(\d{{1,2}})\s*({MONTH_RE})\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(\d{{4}}|\d{{2}})(?!\d)")
_NUMERIC_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?!\d)")


def year_to_ce(year: int) -> int:
    """BE 4-digit (2562), BE 2-digit (62) or CE (2019) year -> CE year."""
    if year < 100:
        year += 2500
    return year - 543 if year > 2400 else year


def parse_thai_date(s: str) -> date | None:
    """First '28 ต.ค. 62' / '4 มีนาคม 2564' / '05/03/21' style date in s (ASCII digits), or None."""
    m = _DATE_RE.search(s)
    if m:
        day, month, year = int(m.group(1)), MONTH_NUMBER[m.group(2)], year_to_ce(int(m.group(3)))
    else:
        m = _NUMERIC_RE.search(s)
        if not m:
            return None
        day, month, year = int(m.group(1)), int(m.group(2)), year_to_ce(int(m.group(3)))
    try:
        return date(year, month, day)
    except ValueError:
        return None


def extract_event_dates(article: object) -> EventDates:
    """Main-event date, range and time. Stub: the dates extractor fills this in."""
    return EventDates()
