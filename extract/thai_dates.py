"""Thai dates and times: parse single dates, find every date/range/time in a text, pick the main event's.

All patterns run on ``article.text`` (ASCII digits).  Years come as Buddhist era (2562), Common
era (2019) or two digits; a two-digit year next to a month name is BE ("28 ต.ค. 62" -> 2019), a
two-digit year in a numeric date is CE up to 35 and BE from 36 on, because the two readings never
overlap for modern releases ("05/03/21" -> 2021, "05/03/64" -> 2021).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from extract.article import Article
from extract.results import EventDates, Found
from schemas.models import Span

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
ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MIN_YEAR, MAX_YEAR = 1900, 2150  # CE years outside this are typos or not years at all
# A programme longer than this is a fiscal year or validity period, not an event's span.
MAX_SPAN_DAYS = 92

_THAI_CHAR = "\u0e01-\u0e5b"
_WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "พฤหัส", "ศุกร์", "เสาร์", "อาทิตย์")
_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")"


def _abbr_pattern(abbr: str) -> str:
    """'ต.ค.' -> a pattern also taking 'ต.ค', 'ตค.', 'ต. ค.' (CMS editors drop or space the dots)."""
    letters = abbr.rstrip(".").split(".")
    inner = r"\.?\s?".join(map(re.escape, letters))
    # Without a final dot the abbreviation must not run into a Thai word ("มค" inside "มคอ").
    return rf"{inner}(?:\.|(?![{_THAI_CHAR}]))"


# Misspellings seen at least five times in a year of releases (ฏ for ฎ, ส for ศ, a dropped letter).
MISSPELT_MONTHS = {
    "กรกฏาคม": 7,
    "กรฎาคม": 7,
    "พฤสจิกายน": 11,
    "พฤจิกายน": 11,
    "กันายน": 9,
    "เมยายน": 4,
    "พฤาภาคม": 5,
}
_MONTH_PATTERNS: list[tuple[str, int]] = (
    [(re.escape(m), i + 1) for i, m in enumerate(FULL_MONTHS)]
    + [(re.escape(m), month) for m, month in MISSPELT_MONTHS.items()]
    + [(_abbr_pattern(m), i + 1) for i, m in enumerate(ABBR_MONTHS)]
    + [(rf"{m}|{m[:3]}\.?(?![A-Za-z])", i + 1) for i, m in enumerate(ENGLISH_MONTHS)]
)
# One named group per month pattern (m0, m1, …) so a match tells its month without a second lookup.
_MONTH_GROUP_MONTH = {f"m{k}": month for k, (_, month) in enumerate(_MONTH_PATTERNS)}


def _month_alternation(suffix: str) -> str:
    groups = [(f"m{k}", pat) for k, (pat, _) in enumerate(_MONTH_PATTERNS)]
    # Longest first so "มีนาคม" wins over "มี.ค" style prefixes.
    groups.sort(key=lambda g: len(g[1]), reverse=True)
    return "(?:" + "|".join(f"(?P<{name}{suffix}>{pat})" for name, pat in groups) + ")"


_DAY = r"(?<![\d.,:/])(?P<d{s}>[0-3]?\d)(?![\d.,:/])"
_YEAR = (
    r"(?:\s?(?P<era{s}>พ\.\s?ศ\.?|ค\.\s?ศ\.?|B\.?E\.?|A\.?D\.?)?\s?"
    r"(?P<y{s}>\d{{4}}|\d{{2}})(?![\d]|[.:]\d))?"
)
_SEP = r"\s?(?:[-–—]|จน\s?ถึง|ถึง)\s?(?:วัน(?:" + _WEEKDAY + r"\s?)?ที่\s?)?"


def _date_part(s: str, *, with_month: bool = True) -> str:
    day = _DAY.format(s=s)
    if not with_month:
        return day
    return day + r"\s?" + _month_alternation(s) + _YEAR.format(s=s)


def _by_last_char(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Words grouped by their last character, longest first: the character before a date picks
    the few words worth trying."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[-1], []).append(word)
    return {char: tuple(group) for char, group in groups.items()}


_DAY_WORDS = tuple(
    sorted(
        {"วันที่"}
        | {f"วัน{w}{sep}ที่" for w in _WEEKDAYS for sep in ("", " ")}  # "วันศุกร์ ที่ 1" too
        | {f"วัน{w}" for w in _WEEKDAYS},
        key=len,
        reverse=True,
    )
)
_RELATIVE_WORDS = ("เมื่อวานนี้", "วันพรุ่งนี้", "เมื่อวาน", "พรุ่งนี้", "วันนี้")
_DAY_WORDS_BY_END = _by_last_char(_DAY_WORDS)
_RELATIVE_WORDS_BY_END = _by_last_char(_RELATIVE_WORDS)
_NUMERIC = r"(?<![\d/.])(?P<nd>[0-3]?\d)/(?P<nm>[01]?\d)/(?P<ny>\d{4}|\d{2})(?![\d/])"
_ENGLISH_MONTH = "(?:" + "|".join(rf"{m}|{m[:3]}\.?" for m in ENGLISH_MONTHS) + ")"
# "October 22, 2024" opens English releases.
_ENGLISH = rf"(?P<em>{_ENGLISH_MONTH})\s(?P<ed>[0-3]?\d),?\s(?P<ey>\d{{4}})(?!\d)"
# Every date starts with a digit or an English month's capital; the lookahead says so up front,
# which makes a search over a trigger's window about three times faster (sre otherwise tries
# all branches, each opening with a look-behind, at every position).
_DATE_START = "(?=[\\d" + "".join(sorted({m[0] for m in ENGLISH_MONTHS})) + "])"
_DATE_RE = re.compile(
    _DATE_START
    + "(?:"
    + _date_part("1", with_month=False)
    + r"(?P<month1>\s?"
    + _month_alternation("1")
    + _YEAR.format(s="1")
    + ")?"
    # "… – 2 ต.ค. 63" continues a range; without a month of its own the first day needs it.
    + "(?:"
    + _SEP
    + _date_part("2")
    + "|(?(month1)|(?!)))"
    + "|"
    + _NUMERIC
    + "|"
    + _ENGLISH
    + ")"
)
# Cheap first pass: a digit before the first two letters of a month, a "/", or ", 2024"; only the
# windows around these few places go through the full pattern (a month alternation is slow).
_DATE_TRIGGER = re.compile(r"\d(?: ?[มกพสตธเ/JFMASOND][กุีิรัฤ.คพยม /\da-z]|, [12]\d\d\d)")
_ENGLISH_MONTH_NUMBER = {m[:3].lower(): i + 1 for i, m in enumerate(ENGLISH_MONTHS)}
_OPENING_CHARS = 25  # a date starting this close to its paragraph's start opens it
_TRIGGER_BACK, _TRIGGER_AHEAD = 20, 70  # window around a trigger that holds a whole range
_YEARLY_SUFFIX = re.compile(r"\s?(?:ของ)?ทุก\s?ปี")
_NAMED_DAY_SUFFIX = re.compile(r"\s?(?:นี้\s?)?(?:ถือ|จะ)?เป็นวัน")
_ONWARD_SUFFIX = re.compile(r"\s?เป็นต้น(?:มา|ไป)")
# "ตามมติ…", "มีมติ…", "(ที่ประชุม) มติ…" right before "เมื่อวันที่" (not "สมมติ").
_RESOLUTION_BEFORE_RE = re.compile(r"(?:ตาม|มี|(?<![\u0e01-\u0e5b]))มติ[^\n]*\Z")
_RESOLUTION_REACH = 30
_PAST_SUFFIX = re.compile(r"\s?(?:ที่ผ่านมา|ที่แล้ว)")
_FISCAL_RE = re.compile(r"ปีงบ(?:ประมาณ)?\s?(?:ฯ\s?)?(?:พ\.\s?ศ\.?\s?)?(?P<y>\d{4}|\d{2})(?!\d)")
_TIME_RE = re.compile(
    r"(?<![\d.:/,])(?P<h>[0-2]?\d)(?:[.:](?P<m>[0-5]\d)|(?P<m4>[0-5]\d)(?=\s?hrs|[^\d.:]|$))(?![\d])"
    r"(?:\s?(?:[-–—]|ถึง)\s?[0-2]?\d[.:][0-5]\d)?"
    rf"(?:\s?(?P<unit>น\.|นาฬิกา|น(?![{_THAI_CHAR}])|hrs?\.?|a\.m\.|p\.m\.))?"
)
# "เวลา 0930" / "1200hrs": military four-digit times, read only after เวลา or before hrs.
_TIME_TRIGGER = re.compile(
    # Every branch starts with a digit, so the scan skips text fast; the เวลา is checked behind.
    r"\d[.:]\d\d|\d\d\d\d ?hrs|\d\d\d\d(?![\d.:])(?:(?<=เวลา\d\d\d\d)|(?<=เวลา \d\d\d\d))"
)
_TIME_CUE = re.compile(r"(?:(?:ตั้งแต่|เมื่อ|ใน)?เวลา\s?(?:ประมาณ\s?)?|\bat\s)$")
_RELATIVE_DAYS = {"วันนี้": 0, "เมื่อวานนี้": -1, "เมื่อวาน": -1, "วันพรุ่งนี้": 1, "พรุ่งนี้": 1}
_CUE_NAMES = {
    "เมื่อ": "when",
    "ใน": "on",
    "ระหว่าง": "between",
    "ตั้งแต่": "since",
    "ถึง": "until",
    "จนถึง": "until",
    "จน ถึง": "until",
    "ภายใน": "until",
    "ณ": "as_of",  # "ข้อมูล ณ วันที่ 1 พ.ย. 66": the date of a figure
    "ก่อน": "before",
    "หลัง": "after",
}
_CUE_WORDS = _by_last_char(tuple(_CUE_NAMES))
# Cues that make a date a bound or a reference rather than the day something happens.
_LIMITING_CUES = ("since", "until", "as_of", "before", "after")


@dataclass(frozen=True, slots=True)
class _Prefix:
    """What introduces a date: "วันนี้ (", "(", "เมื่อ", "วันจันทร์ที่" — read backwards from the day."""

    start: int
    relative: bool  # วันนี้ (…) / เมื่อวานนี้ (…)
    paren: bool
    cue: str
    day_word: bool  # วันที่ / วันจันทร์ที่


def _word_before(text: str, i: int, words: dict[str, tuple[str, ...]]) -> str | None:
    if i == 0:
        return None
    candidates = words.get(text[i - 1], ())
    return next((w for w in candidates if len(w) <= i and text.startswith(w, i - len(w))), None)


def _skip_space(text: str, i: int) -> int:
    return i - 1 if i > 0 and text[i - 1] == " " else i


def _prefix_before(text: str, pos: int) -> _Prefix:
    start = pos
    i = _skip_space(text, pos)
    day_word = _word_before(text, i, _DAY_WORDS_BY_END)
    if day_word:
        start = i = i - len(day_word)
        i = _skip_space(text, i)
    cue = _word_before(text, i, _CUE_WORDS)
    if cue == "ณ" and i > 1 and "\u0e01" <= text[i - 2] <= "\u0e5b":
        cue = None  # the end of "ประมาณ", not the word ณ
    if cue:
        start = i = i - len(cue)
        i = _skip_space(text, i)
    paren = relative = False
    if i > 0 and text[i - 1] == "(":
        paren = True
        start = i = i - 1
        i = _skip_space(text, i)
        rel = _word_before(text, i, _RELATIVE_WORDS_BY_END)
        if rel:
            relative = True
            start = i - len(rel)
    elif not (day_word or cue) and (rel := _word_before(text, i, _RELATIVE_WORDS_BY_END)):
        # "(วันนี้ 27 มี.ค. 68)" / "วันนี้ 15 กรกฎาคม 2564": the bracket, if any, holds both.
        relative = True
        start = i - len(rel)
        paren = start > 0 and text[start - 1] == "("
        start -= paren
    if relative and not cue:
        # "ตั้งแต่เมื่อวาน (27 ม.ค.)" starts a period like "ตั้งแต่วันที่ 27 ม.ค."
        cue = _word_before(text, _skip_space(text, start), _CUE_WORDS)
    return _Prefix(start, relative, paren, cue or "", bool(day_word))


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date or date range as written: its days, where it is, and the word that introduced it."""

    start: date
    end: date  # == start for a single day
    span: Span  # the whole expression including its cue ("เมื่อวันที่ …", "วันนี้ (…")
    cue: str  # when/on/between/since/until/as_of/before/after/today/yearly/named/resolution/""
    year_given: bool
    # Written as a dateline: "วันที่ …", "วันนี้ (…)", "(…)" or opening a paragraph, unlike a date
    # inside a name or an occasion ("ศูนย์ราชการเฉลิมพระเกียรติ 80 พรรษา 5 ธันวาคม 2550").
    strong: bool = True

    @property
    def is_range(self) -> bool:
        return self.end != self.start


@dataclass(frozen=True, slots=True)
class TimeMention:
    value: str  # "HH:MM"
    span: Span


def year_to_ce(year: int, *, numeric: bool = False, era: str | None = None) -> int:
    """A year as written -> CE.  BE 4-digit (2562), CE (2019), two digits (BE; CE if numeric and <= 35)."""
    era = (era or "").replace(" ", "").replace(".", "")
    if year < 100:
        if era in ("คศ", "AD") or (numeric and era not in ("พศ", "BE") and year <= 35):
            return 2000 + year
        year += 2500
    if era in ("คศ", "AD"):
        return year
    return year - 543 if year > 2300 else year


def _safe_date(year: int | None, month: int, day: int) -> date | None:
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_of(m: re.Match[str], suffix: str) -> int | None:
    for name, month in _MONTH_GROUP_MONTH.items():
        if m.group(name + suffix) is not None:
            return month
    return None


def _year_of(m: re.Match[str], suffix: str) -> int | None:
    year = m.group("y" + suffix)
    return year_to_ce(int(year), era=m.group("era" + suffix)) if year else None


def _part(m: re.Match[str], suffix: str) -> tuple[int, int | None, int | None] | None:
    """(day, month, CE year) of one side of a match; None if that side is absent.  The first
    day of "27 - 29 ตุลาคม" has no month of its own: it borrows the second's."""
    day = m.group("d" + suffix)
    if day is None:
        return None
    return int(day), _month_of(m, suffix), _year_of(m, suffix)


def nearest_year(month: int, day: int, reference: date) -> date | None:
    """The date with this day and month closest to reference (a year-less "5 ก.ย." in a release)."""
    best: date | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate and (best is None or abs(candidate - reference) < abs(best - reference)):
            best = candidate
    return best


def _mention_from_match(m: re.Match[str], reference: date | None) -> tuple[date, date, bool] | None:
    """(start, end, year_given) of a _DATE_RE match; None if it is not a real date."""
    if m.group("nd"):
        year = year_to_ce(int(m.group("ny")), numeric=True)
        day = _safe_date(year, int(m.group("nm")), int(m.group("nd")))
        return (day, day, True) if day else None
    if m.group("em"):
        month = _ENGLISH_MONTH_NUMBER[m.group("em")[:3].lower()]
        day = _safe_date(int(m.group("ey")), month, int(m.group("ed")))
        return (day, day, True) if day else None
    first, last = _part(m, "1"), _part(m, "2")
    if last is None:
        first, last = None, first
    if last is None or last[1] is None:
        return None
    day2, month2, year2 = last
    day1, month1, year1 = first if first else (None, None, None)
    month1 = month1 or month2
    year_given = year2 is not None or year1 is not None
    if year2 is None and year1 is not None:
        year2 = year1 + (1 if month2 < month1 else 0)
    if year2 is None:
        if reference is None:
            return None
        nearest = nearest_year(month2, day2, reference)
        if nearest is None:
            return None
        year2 = nearest.year
    end = _safe_date(year2, month2, day2)
    if end is None:
        return None
    if day1 is None:
        return end, end, year_given
    start = _safe_date(year1 or (year2 - (1 if month1 > month2 else 0)), month1, day1)
    if start is None or start >= end:
        return None
    return start, end, year_given


def _cue_of(prefix: _Prefix, text: str, end: int) -> str:
    if _YEARLY_SUFFIX.match(text, end):
        return "yearly"  # "24 มีนาคม ของทุกปี" names an annual day, not an event's
    if not prefix.cue and _NAMED_DAY_SUFFIX.match(text, end):
        # "วันที่ 31 ก.ค. 2566 เป็นวันหยุดราชการ" / "… เป็นวันแรก" names a day; "เมื่อวันที่ 31
        # ต.ค. เป็นวันสุดท้าย…" still tells what happened on it.
        return "named"
    if _ONWARD_SUFFIX.match(text, end):
        return "since"  # "เมื่อวันที่ 1 ธันวาคม 2566 เป็นต้นมา" starts a period
    name = _CUE_NAMES.get(prefix.cue, "")
    if name == "when" and _RESOLUTION_BEFORE_RE.search(
        text, max(0, prefix.start - _RESOLUTION_REACH), prefix.start
    ):
        return "resolution"  # "ตามมติคณะรัฐมนตรีเมื่อวันที่ 15 ก.พ." dates a decision, not the activity
    if prefix.relative:
        return name if name in _LIMITING_CUES else "today"
    if name == "" and _PAST_SUFFIX.match(text, end):
        return "when"
    return name


def find_dates(
    text: str, reference: date | None = None, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """Every date and date range in text[start:end], in order.

    Year-less dates take the year that puts them nearest to ``reference`` (the publication date),
    or, without one, nearest to the first dated mention in the text.  Fiscal years and bare years
    ("ประจำปี 2560") are not dates and never appear here.
    """
    end = len(text) if end is None else end
    found: list[tuple[re.Match[str], tuple[date, date, bool] | None]] = []
    done = start
    for trigger in _DATE_TRIGGER.finditer(text, start, end):
        if trigger.start() < done:
            continue
        window_start = max(done, trigger.start() - _TRIGGER_BACK)
        m = _DATE_RE.search(text, window_start, min(end, trigger.end() + _TRIGGER_AHEAD))
        if m is None or not m.start() <= trigger.start() < m.end():
            continue
        found.append((m, _mention_from_match(m, reference)))
        done = m.end()
    if reference is None:
        dated = next((r for _, r in found if r and r[2]), None)
        if dated is not None:
            found = [(m, r or _mention_from_match(m, dated[0])) for m, r in found]
    mentions = []
    for m, resolved in found:
        if resolved is None:
            continue
        first, last, year_given = resolved
        prefix = _prefix_before(text, m.start())
        # "กรุงเทพฯ 20 พฤศจิกายน 2567 - …": a date among a paragraph's first words is its dateline.
        opens_paragraph = prefix.start - (text.rfind("\n", 0, prefix.start) + 1) <= _OPENING_CHARS
        strong = opens_paragraph or prefix.relative or prefix.paren or prefix.day_word
        span = (max(prefix.start, start), m.end())
        cue = _cue_of(prefix, text, m.end())
        mentions.append(DateMention(first, last, span, cue, year_given, strong))
    return mentions


def parse_thai_date(s: str) -> date | None:
    """First complete date in s ('28 ต.ค. 62', 'วันจันทร์ที่ 4 มีนาคม 2564', '05/03/21'), else None.

    s uses ASCII digits (pass ``normalise_text(s).text``).  A range gives its first day; a date
    without a year, an impossible day (31 ก.พ.) or an absurd year gives None.
    """
    for mention in find_dates(s):
        if mention.year_given:
            return mention.start
    return None


def find_times(text: str, start: int = 0, end: int | None = None) -> list[TimeMention]:
    """Clock times written as 'เวลา 10.30 น.', '10:30 น.', 'เวลา 09.00-12.00 น.' (first time kept)."""
    out: list[TimeMention] = []
    for trigger in _TIME_TRIGGER.finditer(text, start, len(text) if end is None else end):
        if out and trigger.start() < out[-1].span[1]:
            continue
        m = _TIME_RE.match(text, max(start, trigger.start() - 1))
        if m is None or m.end() <= trigger.start():
            m = _TIME_RE.match(text, trigger.start())
        if m is None:
            continue
        cue = _TIME_CUE.search(text, max(0, m.start() - 16), m.start())
        if not (cue or m.group("unit")):
            continue  # a bare "10.30" is a decimal, not a time
        if m.group("m4") and not (cue or m.group("unit").startswith("h")):
            continue  # "1500 น.ส.สมศรี" is a count before a name, not 15:00
        hour, minute = int(m.group("h")), int(m.group("m") or m.group("m4"))
        if hour > 24 or (hour == 24 and minute):
            continue
        span_start = cue.start() if cue else m.start()
        out.append(TimeMention(f"{hour % 24:02d}:{minute:02d}", (span_start, m.end())))
    return out


def find_fiscal_years(text: str, start: int = 0, end: int | None = None) -> list[Found[int]]:
    """'ปีงบประมาณ 2563' / 'ปีงบประมาณ พ.ศ. 2563' / 'ปีงบฯ 63' -> CE year of the BE fiscal year."""
    out = []
    for m in _FISCAL_RE.finditer(text, start, len(text) if end is None else end):
        year = year_to_ce(int(m.group("y")))
        if MIN_YEAR <= year <= MAX_YEAR:
            out.append(Found(year, (m.start(), m.end())))
    return out


_REPORTING_RE = re.compile(r"(?:เปิดเผย|เผย|กล่าว|แถลง(?:ข่าว)?|แจ้ง|ระบุ|ให้สัมภาษณ์|ชี้แจง)\s?(?:ว่า|ถึง)")
# "วันนี้" with no bracketed date opens a lead (or follows "เปิดเผยว่า"): the publication day.
_BARE_RELATIVE_RE = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=ว่า)|(?<=ว่า )|(?<=\) ))(?P<rel>วันนี้|เมื่อวานนี้|เมื่อวาน)(?!\s?\()"
)
# A lead that opens with the time alone ("เมื่อเวลา 09.00 น. กรมสมมติ จัด…") tells the publication day.
TIME_OPENING = r"^(?:เมื่อ)?เวลา\s?\d{1,2}[.:]\d{2}\s?น\."
TIME_OPENS_LEAD_RE = re.compile(TIME_OPENING, re.M)
# "ในวันนี้" / "เช้าวันนี้" mid-sentence, not "ภายในวันนี้" (a deadline) nor a period "วันนี้ - 31 ก.ค.".
_TODAY_IN_BODY_RE = re.compile(r"(?:(?<!ภาย)ใน|เช้า|บ่าย|ค่ำ)(?P<rel>วันนี้)(?!\s?(?:\(|ถึง|[-–]|เป็นต้น|จน|นับ))")
_TODAY_PARAGRAPHS = 6  # "ในวันนี้" this deep still refers to the reported activity
_TODAY_BEFORE_TIME = 15  # "ในวันนี้ เวลา 18.01 น."
_TOLD_OPENING = 15  # "เปิดเผยว่า เมื่อเวลา 15.30 น." opens the told part with the activity's time
# The word ณ introducing a place ("16.00 น.ณ โรงแรม…"): not the end of "ประมาณ", not a name
# ("ดร.ณัฐพล", no space after ณ), not the as-of "ณ วันที่".
_PLACE_WORD_RE = re.compile(r"(?<![\u0e01-\u0e5b])ณ\.?\s(?!วันที่|ปัจจุบัน)")
_EVENT_CUES = ("", "when", "on", "between", "since", "today")
_REPORT_MAX_DAYS = 31  # a reported activity this far from its telling is background
_TYPO_SLACK_DAYS = 7  # a dateline this close to the publication day, but in another year, is a typo
# Releases tell an activity within about a week of it (before, or ahead for an announcement).
_NEAR_PUBLICATION = 7
_REPORTED_WITHIN = 500  # chars after "เปิดเผยว่า" where the reported activity's date may stand
_REPORT_WINDOW = 300  # chars from the dateline to its "เปิดเผยว่า": one name and a long position title
_TIME_NEAR_DATE = 45  # chars between a date and the "เวลา …" that belongs to it
_TIME_BEFORE_DATE = 30  # "เมื่อเวลา 10.00 น. ของวันที่ …"
_TIME_TIE = 15  # a time this close to a date belongs to that date
_LETTER = re.compile(r"[A-Za-z\u0e01-\u0e5b]")
_QUOTE_OPEN_RE = re.compile(r"[“\"‘']")  # a paragraph of quoted speech is no dateline paragraph
LATE_DATELINE = 40  # a first dateline further into its paragraph than this only closes it
_TIME_OPENING_PARAGRAPHS = 3  # paragraphs after an undated lead where an opening time is read
_OPENING_DATELINE = 15  # "ทั้งนี้ ในวันศุกร์ที่ 1 …": a dateline this close to the start opens it
# Words of holding an event, read just before a range not written "ระหว่างวันที่".
_HELD_WORDS_RE = re.compile(r"จัด|งาน|กิจกรรม|อบรม|ประชุม|สัมมนา|เทศกาล|นิทรรศการ|มหกรรม|แข่งขัน")
_HELD_WORDS_REACH = 60
# "… และล่าสุดวันที่ 26 - 27 กรกฎาคม 2566 ณ จังหวัดสุราษฎร์ธานี": a range with its place was held there.
_PLACE_AFTER_RE = re.compile(r"\s?ณ\s")


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _telling(text: str, dateline: DateMention) -> Span | None:
    """The told part of a "วันที่ X นาย… เปิดเผยว่า …" dateline: from the reporting verb on.  None
    when the dateline's own sentence names a place ("วันนี้ (…) เวลา 09.30 น. ณ หน้าตึกไทยคู่ฟ้า
    นาย… เปิดเผยว่า …"): then the telling is itself the activity, at that place."""
    para_end = _paragraph_end(text, dateline.span[1])
    verb = _REPORTING_RE.search(text, dateline.span[1], min(para_end, dateline.span[1] + _REPORT_WINDOW))
    if verb is None or _PLACE_WORD_RE.search(text, dateline.span[1], verb.start()):
        return None
    return verb.end(), min(para_end, verb.end() + _REPORTED_WITHIN)


def _reported_activity(anchor: DateMention, told: Span | None, mentions: list[DateMention]) -> DateMention:
    """The dateline of a "วันที่ X นาย… เปิดเผยว่า เมื่อวันที่ Y …" lead reports the telling, not the
    activity: the activity's own date (เมื่อ/ใน/ระหว่างวันที่ Y) in the same paragraph wins."""
    if told is None:
        return anchor
    told_from, told_until = told
    for m in mentions:
        # "ในวันพรุ่งนี้ (12 ก.พ. 66)" / "วานนี้ (25 พ.ค.)" in the telling is another day's activity.
        other_day = m.cue == "today" and m.start != anchor.start
        if told_from <= m.span[0] < told_until and (m.cue in ("when", "on", "between") or other_day):
            # Only a date close to the telling: "มติ ครม. เมื่อวันที่ 16 มกราคม 2550" is history;
            # a range around the telling day ("เอเชียนเกมส์ 23 ก.ย. - 8 ต.ค.") leaves that day.
            close = abs((m.start - anchor.start).days) <= _REPORT_MAX_DAYS
            around = m.start <= anchor.start <= m.end
            return m if close and not around else anchor
    return anchor


def is_dateline(m: DateMention) -> bool:
    """Whether a mention can date the main event: written as a dateline or a programme range,
    and not a deadline ("ภายในวันที่ …") or a before/after reference."""
    if m.cue not in _EVENT_CUES or (m.end - m.start).days > MAX_SPAN_DAYS:
        return False  # a validity period ("1 ธ.ค. 66 - 31 ต.ค. 67") dates no event
    if m.cue == "since" and not m.is_range:
        return False  # "ตั้งแต่วันที่ 25 กันยายน 2563 เป็นต้นไป" starts a rule, not an event
    return m.strong or m.is_range


def headline_days(title: str | None, published: date | None) -> frozenset[date]:
    """First days of the dates a headline names ("… เริ่ม 4 มี.ค. นี้"): the main event's."""
    if not title:
        return frozenset()
    return frozenset(m.start for m in find_dates(title, published))


def dates_the_lead(
    m: DateMention,
    paragraph_start: int,
    *,
    first: bool,
    published: date | None,
    headline: frozenset[date] = frozenset(),
) -> bool:
    """Whether a mention can date the main event from where it stands in the opening paragraphs.

    Any dateline of the first body paragraph can.  A later paragraph is read only because the
    first ones may be summaries restating the headline; there the dateline must open the paragraph
    ("วันนี้ (…)", "ทั้งนี้ ในวันศุกร์ที่ 1 …"), start near the publication day (or run through it),
    or be a day the headline names.  A date deep inside a later paragraph and weeks away from publication is
    background of an undated activity: a rain period ("ช่วงวันที่ 14-16 ตุลาคม"), an earlier
    resolution, a letter's date ("ลงวันที่ …"), a statistics window, a later programme.
    """
    if not is_dateline(m):
        return False
    if first or m.cue == "today" or m.span[0] - paragraph_start <= _OPENING_CHARS:
        return True
    if published is None or m.start in headline:
        return True
    m = _fix_typo_year(m, published)
    return abs((m.start - published).days) <= _NEAR_PUBLICATION or m.start <= published <= m.end


def _fix_typo_year(m: DateMention, published: date | None) -> DateMention:
    """A dateline on the publication day (give or take a week) but in another year has a typo'd
    year ("วันนี้ (25 เมษายน 2665)", "เมื่อวันที่ 17 มกราคม 2564" published 17 Jan 2022)."""
    if published is None or abs((m.start - published).days) <= _TYPO_SLACK_DAYS:
        return m
    fixed = nearest_year(m.start.month, m.start.day, published)
    if fixed is None or abs((fixed - published).days) > _TYPO_SLACK_DAYS:
        return m
    return replace(m, start=fixed, end=fixed + (m.end - m.start))


def _time_told_for_today(text: str, told: Span, times: list[TimeMention]) -> TimeMention | None:
    """ "วันนี้ (1 ส.ค.) เวลา 17.00 น. โฆษก… เปิดเผยว่า … ในวันนี้ เวลา 18.01 น. จะแถลงข่าว": the
    dateline's time is the telling's; a time told for "วันนี้", or opening the told part
    ("เปิดเผยว่า เวลา 15.30 น. ณ …"), is the reported activity's, on the dateline's day."""
    for t in times:
        if not told[0] <= t.span[0] < told[1]:
            continue
        opens = t.span[0] - told[0] <= _TOLD_OPENING
        if opens or text.rfind("วันนี้", t.span[0] - _TODAY_BEFORE_TIME, t.span[0]) >= 0:
            return t
    return None


def _today_in_body(article: Article) -> Span | None:
    """ "การสัมมนาในวันนี้" in an opening paragraph of a release without a dateline: the activity
    took place on the publication day."""
    text, end = article.text, article.body_start
    for _ in range(_TODAY_PARAGRAPHS):
        end = _paragraph_end(text, end + 1)
    m = _TODAY_IN_BODY_RE.search(text, article.body_start, end)
    return m.span("rel") if m else None


def _programme_range(text: str, anchor: DateMention, mentions: list[DateMention]) -> DateMention | None:
    """First stated range that contains the event day: the whole programme it belongs to.  Outside
    the dateline's paragraph only a range written as one ("ระหว่างวันที่ …", "วันที่ …") counts: a
    bare "20-26 พ.ค." further down is a forecast or a schedule of something else."""
    day = anchor.start
    para_start = text.rfind("\n", 0, anchor.span[0]) + 1
    para_end = _paragraph_end(text, anchor.span[1])
    for m in mentions:
        if not (m.is_range and m.start <= day <= m.end) or (m.end - m.start).days > MAX_SPAN_DAYS:
            continue
        if m.cue not in _EVENT_CUES:
            continue  # a deadline, a reference day, a named or annual day
        if m.cue != "between" and not _held_over(text, m):
            continue  # "ตั้งแต่วันที่ 2-9 ต.ค." after a flood warning: a period, not the programme
        if para_start <= m.span[0] < para_end:
            return m
        if (m.strong or m.cue in ("between", "since")) and not _in_numbered_item(text, m):
            return m
    return None


_NUMBERED_ITEM_RE = re.compile(r"[^\S\n]*\d{1,2}[.)]\s")


def _in_numbered_item(text: str, m: DateMention) -> bool:
    """A range in an item of a numbered list ("3. ประดับธงตามอาคาร… ระหว่างวันที่ 1 - 31 ธ.ค.") dates
    one of the activities listed, not the programme of the event told above."""
    return _NUMBERED_ITEM_RE.match(text, text.rfind("\n", 0, m.span[0]) + 1) is not None


def _held_over(text: str, m: DateMention) -> bool:
    """Whether a range not written "ระหว่างวันที่" still tells the days an event is held: it opens
    its paragraph, a place follows it ("วันที่ 26 - 27 ก.ค. 66 ณ …"), or holding words come right
    before it ("กำหนดจัดงาน 4 วัน ตั้งแต่วันที่ 8-11 ก.ย.", "ซึ่งจัดขึ้นเมื่อวันที่ …").  Otherwise it
    is a period: a registration window, a forecast, a holiday, an operation's flights ("ในช่วงวันที่
    10-20 เมษายน")."""
    para_start = text.rfind("\n", 0, m.span[0]) + 1
    if m.span[0] - para_start <= _OPENING_CHARS or _PLACE_AFTER_RE.match(text, m.span[1]):
        return True
    return _HELD_WORDS_RE.search(text, max(para_start, m.span[0] - _HELD_WORDS_REACH), m.span[0]) is not None


def _tied_to_other_day(t: TimeMention, day: date, mentions: list[DateMention]) -> bool:
    """Whether a time sits right next to a date (before or after it) that is not the event day."""
    tied = [
        m
        for m in mentions
        if 0 <= t.span[0] - m.span[1] <= _TIME_TIE or 0 <= m.span[0] - t.span[1] <= _TIME_TIE
    ]
    return bool(tied) and not any(m.start <= day <= m.end for m in tied)


def _event_time(
    text: str,
    anchor_span: Span,
    day: date,
    mentions: list[DateMention],
    times: list[TimeMention],
    lead_end: int,
) -> TimeMention | None:
    """First time told with the main event: in the dateline's paragraph (which runs to the lead's
    end when the lead continues it over a line break, "วันจันทร์ที่ 14 ก.พ. 65⏎เวลา 10.00 น."),
    not tied to another day; else right after any other mention of the event day or its range."""
    para_end = _paragraph_end(text, anchor_span[1])
    if anchor_span[0] < lead_end:
        para_end = max(para_end, lead_end)
    # The dateline itself may carry a typo'd year that was fixed; it never ties a time elsewhere.
    others = [m for m in mentions if m.span != anchor_span]
    for t in times:
        if t.span[0] < anchor_span[0] - _TIME_BEFORE_DATE or t.span[0] >= para_end:
            continue
        if t.span[0] >= anchor_span[1] and _tied_to_other_day(t, day, others):
            continue  # "ตั้งแต่ 06.00 น. ของวันที่ 17" is a time of another day
        return t
    for m in others:
        if m.start <= day <= m.end:
            for t in times:
                if 0 <= t.span[0] - m.span[1] <= _TIME_NEAR_DATE:
                    return t
    return None


def _opening(m: DateMention, paragraph_start: int) -> int:
    """How far into its paragraph a dateline stands, for ``dateline_paragraph``: a "วันนี้ (…)"
    told after the speaker ("นาย… เปิดเผยว่า วันนี้ (3 พ.ย.) …") is the telling's own day, never a
    date that merely closes a summary."""
    if m.cue == "today":
        return 0
    if m.is_range:
        # A programme range ("ระหว่างวันที่ 20-29 มี.ค. …") frames the event rather than dating it:
        # a later paragraph opening with the day itself tells the activity.
        return max(m.span[0] - paragraph_start, LATE_DATELINE + 1)
    return m.span[0] - paragraph_start


def dateline_opening(mentions: list[DateMention], paragraph_start: int, text: str) -> int | None:
    """Where the first usable dateline of a paragraph stands (see ``dateline_paragraph``), None
    for a paragraph without one or of quoted speech."""
    if not mentions or _QUOTE_OPEN_RE.match(text, paragraph_start):
        return None
    return _opening(mentions[0], paragraph_start)


def dateline_paragraph(openings: list[int | None]) -> int | None:
    """Which of the opening paragraphs carries the main event's dateline, given where each one's
    first usable dateline stands (chars from its start; None: none; a speech in quotes counts
    as none).  The first dated paragraph, unless its date only closes it (a summary or
    sub-headline ending "… ระหว่างวันที่ 8-10 ก.ย." / "… เมื่อวันที่ 2 ต.ค.") and a later
    paragraph opens with a date: that one tells the activity ("เมื่อวันที่ 31 ส.ค. เวลา 13.00 น. …")."""
    dated = [i for i, offset in enumerate(openings) if offset is not None]
    if not dated:
        return None
    first = dated[0]
    if openings[first] > LATE_DATELINE:  # type: ignore[operator]
        later = next((i for i in dated[1:] if openings[i] <= _OPENING_DATELINE), None)  # type: ignore[operator]
        if later is not None:
            return later
    return first


def _undated_activity_time(text: str, lead: Span, times: list[TimeMention]) -> TimeMention | None:
    """The time of a release that gives no day: the first time in the lead, else a time opening
    one of the next paragraphs ("เมื่อเวลา 16.50 น. ที่ศูนย์การค้าสมมติ นาย… เป็นประธาน…")."""
    in_lead = [t for t in times if lead[0] <= t.span[0] < lead[1]]
    if in_lead:
        return in_lead[0]
    pos = lead[1]
    for _ in range(_TIME_OPENING_PARAGRAPHS):
        pos = _paragraph_end(text, pos + 1) if pos < len(text) else pos
        start = text.rfind("\n", 0, pos) + 1
        opening = next((t for t in times if start <= t.span[0] <= start + _OPENING_DATELINE), None)
        if opening is not None:
            return opening
    return None


def _lead_datelines(text: str, article: Article, mentions: list[DateMention]) -> list[DateMention]:
    """The mentions of the lead that can date the main event, from the dateline paragraph on
    (lines without a letter, such as "....", are no paragraphs)."""
    published = article.published
    headline = headline_days(article.title, published)
    per_paragraph: list[list[DateMention]] = []
    openings: list[int | None] = []
    pos, lead_end = article.lead
    while pos < lead_end:
        end = min(_paragraph_end(text, pos), lead_end)
        if _LETTER.search(text, pos, end):
            usable = [
                m
                for m in mentions
                if pos <= m.span[0] < end
                and dates_the_lead(m, pos, first=not per_paragraph, published=published, headline=headline)
            ]
            per_paragraph.append(usable)
            openings.append(dateline_opening(usable, pos, text))
        pos = end + 1
    index = dateline_paragraph(openings)
    if index is None:
        return [m for usable in per_paragraph for m in usable]
    return [m for usable in per_paragraph[index:] for m in usable]


def extract_event_dates(article: Article) -> EventDates:
    """The main event's day, programme range and first time, plus any fiscal year.

    The dateline is the first date in ``article.lead`` (the paragraphs up to the one that tells the
    main event) that ``dates_the_lead`` accepts; "วันนี้" alone there, a lead that opens with the
    time alone ("เมื่อเวลา 09.00 น."), or "การสัมมนาในวันนี้" in an opening paragraph of an undated
    release, is the publication day.  A dateline followed by
    "เปิดเผยว่า … เมื่อวันที่ … / ในวันพรุ่งนี้ (…)" yields to the reported activity's date, and a
    time told there for "วันนี้" beats the telling's own time.  A stated range containing the day
    ("ระหว่างวันที่ 27-29 …", anywhere in the body; written otherwise, only when it tells the holding of
    an event: "กำหนดจัดงาน … ตั้งแต่วันที่ 8-11 ก.ย.") gives start/end; a range as the dateline gives
    start/end and its first day.  Later background dates are never used.
    """
    text = article.text
    lead_start, lead_end = article.lead
    mentions = find_dates(text, article.published, start=article.body_start)
    times = find_times(text, start=article.body_start)
    fiscal = find_fiscal_years(text, lead_start, lead_end) or find_fiscal_years(text, article.body_start)
    fiscal_year = fiscal[0] if fiscal else None
    lead_mentions = _lead_datelines(text, article, mentions)
    anchor: DateMention | None = None
    told_time: TimeMention | None = None
    if lead_mentions:
        dateline = _fix_typo_year(lead_mentions[0], article.published)
        told = _telling(text, dateline)
        told_time = _time_told_for_today(text, told, times) if told else None
        if told and told_time and told_time.span[0] - told[0] <= _TOLD_OPENING:
            anchor = dateline  # "เปิดเผยว่า เวลา 15.30 น. ณ …" tells the dateline day's activity
        else:
            anchor = _reported_activity(dateline, told, mentions)
            if anchor is not dateline:
                told_time = None
    elif article.published is not None:
        bare = _BARE_RELATIVE_RE.search(text, lead_start, lead_end)
        span = bare.span() if bare else _today_in_body(article)
        timed = None if span else TIME_OPENS_LEAD_RE.search(text, lead_start, lead_end)
        if span is not None:
            day = article.published + timedelta(days=_RELATIVE_DAYS[text[span[0] : span[1]]])
            anchor = DateMention(day, day, span, "today", True)
        elif timed is not None:
            anchor = DateMention(article.published, article.published, timed.span(), "today", True)
    if anchor is None:
        undated = _undated_activity_time(text, article.lead, times)
        return EventDates(
            time=Found(undated.value, undated.span) if undated else None,
            fiscal_year=fiscal_year,
        )
    day = anchor.start
    programme = anchor if anchor.is_range else _programme_range(text, anchor, mentions)
    first, last = (programme.start, programme.end) if programme else (day, day)
    span_of_range = programme.span if programme else anchor.span
    time = told_time or _event_time(text, anchor.span, day, mentions, times, lead_end)
    return EventDates(
        date=Found(day, anchor.span),
        start=Found(first, span_of_range),
        end=Found(last, span_of_range),
        time=Found(time.value, time.span) if time else None,
        fiscal_year=fiscal_year,
    )
