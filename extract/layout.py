"""Where a release's parts are: title line, publication-date line, body start, lead paragraphs.

Three page shapes are recognised (invented examples):

* thaigov.go.th: ``รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-<title>``, blank lines, ``วันจันทร์ที่ 27 มีนาคม 2566``,
  optionally ``27/03/2566`` and ``พิมพ์``, the title once or twice more, the body, ``ที่มา : <url>``.
* prd.go.th provincial pages: ``ขณะนี้คุณอยู่ที่ ›``, the headline, ``วันที่ลงข่าว: 05/03/21``
  (dd/mm/yy with a CE year), the body, ``ที่มาของข่าว …``.
* plain texts: the headline (maybe after a one-line English site name), then the body.
"""

from __future__ import annotations

import re
from datetime import date

from extract.article import Article
from extract.normalise import NormalisedText
from extract.thai_dates import (
    LATE_DATELINE,
    TIME_OPENS_LEAD_RE,
    dateline_opening,
    dateline_paragraph,
    dates_the_lead,
    find_dates,
    headline_days,
)

# Site chrome that precedes the headline on the same line.
_TITLE_PREFIX = re.compile(r"^(?:รัฐบาลไทย-(?:ข่าวทำเนียบรัฐบาล-)?|ขณะนี้คุณอยู่ที่\s?›?\s?)")
_CHROME_LINE = re.compile(
    r"^(?:พิมพ์|Print|ขณะนี้คุณอยู่ที่\s?›?.*|หน้าแรก\s?›.*|.*›\s?หน้าแรก.*|[.…·•\-_=*#\s]*"
    r"|ที่มา\s?:\s?https?://\S*|ที่มาของข่าว.*|\^\s?กลับสู่เนื้อหาหลัก"
    # The radio-script pages ("ไทยคู่ฟ้า") open with a player notice and a greeting, end in hashtags.
    r"|Your browser does not support the \w+ \w+\.|ต่อจากนี้ไป ขอเชิญรับฟัง\S*(?: ค่ะ| ครับ)?|(?:#\S+\s?)+)$"
)
# An emptied CMS page prints the Unix epoch ("วันพฤหัสบดีที่ 1 มกราคม 2513") as its date.
_EPOCH = date(1970, 1, 1)
# What may surround the date on a publication-date line: a label before, a clock time after.
_DATE_LABEL = re.compile(r"^(?:วันที่ลงข่าว|ลงวันที่|วันที่เผยแพร่|เผยแพร่|Date|Published|Posted)?\s?:?\s?")
_TRAILING_TIME = re.compile(r"\s?(?:เวลา\s?)?\d{1,2}[.:]\d{2}(?:\s?น\.)?\s?$")
_DIGIT = re.compile(r"\d")
_LATIN_ONLY = re.compile(r"^[\x20-\x7e]+$")
_THAI = re.compile(r"[\u0e01-\u0e5b]")
_SQUASH = re.compile(r"[\s\"'“”‘’]+")
_RELATIVE_OPENERS = ("วันนี้", "เมื่อวานนี้", "เมื่อวาน")
_HEADER_LINES = 14  # the header never runs deeper than this many lines
_LEAD_PARAGRAPHS = 4  # summary paragraphs before the dateline paragraph, at most
# A line this short, or ending in a word that needs more, does not end the lead's sentence when
# the next line opens with a time, a place or a linking word.
_SHORT_LINE = 100
_CONTINUATION_LINES = 2
# (ณ only as a word: "…คุณ", "…เอราวัณ", "นายแพทย์โสภณ" end in the letter.)
_OPEN_ENDING = re.compile(r"(?:(?:^|\s)ณ|และ|ให้|โดย|กับ|ของ|(?<!ได้)แก่|พร้อมด้วย|ร่วมกับ|เพื่อ|ซึ่ง|,|-)$")
# No _OPEN_ENDING match is longer than this, so a line's tail is all the search needs to read
# (searching the whole line tried every alternative at every position of a long paragraph).
_OPEN_ENDING_REACH = 12
# "… เปิดเผยว่า⏎เวลา 09.30 น. ณ …": a telling goes on to the told activity's time or place.
_TELLING_ENDING = "ว่า"
_TIME_OR_PLACE_START = re.compile(r"(?:เวลา\s?\d|ณ[\s.]|ที่\s?(?:ห้อง|ศูนย์|อาคาร|โรงแรม))")
_THAI_START = re.compile(r"[\u0e01-\u0e5b]")


def _squash(s: str) -> str:
    return _SQUASH.sub("", s)


def _is_title_repeat(line: str, title: str) -> bool:
    """The headline printed again (spacing/quotes may differ, a trailing word may be cut)."""
    a, b = _squash(line), _squash(title)
    return bool(a) and (a == b or (len(a) >= 0.8 * len(b) and b.startswith(a)))


def _date_line(line: str) -> date | None:
    """The date of a line that is nothing but a (labelled) date, e.g. "วันที่ลงข่าว: 05/03/21"."""
    if len(line) > 60 or not _DIGIT.search(line):
        return None
    line = _TRAILING_TIME.sub("", _DATE_LABEL.sub("", line, count=1))
    dates = find_dates(line)
    if len(dates) != 1 or not dates[0].year_given or dates[0].is_range:
        return None
    start, end = dates[0].span
    return dates[0].start if start == 0 and end >= len(line.rstrip(" )")) else None


def _opens_body(line: str, line_date: date, header_date: date | None) -> bool:
    """A second date line, with another day and a clock time, under the header's own date line
    ("วันเสาร์ที่ 5 เมษายน 2568" … "4 เมษายน 2568 เวลา 10.30 น."): the event's dateline, not
    the publication date."""
    return header_date is not None and line_date != header_date and _TRAILING_TIME.search(line) is not None


def _lines(text: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for line in text.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def _lead_end(text: str, lines: list[tuple[int, str]], published: date | None, title: str | None) -> int:
    """End of the paragraph that tells the main event: the first of the opening body paragraphs
    holding a dateline ("วันนี้ (…)", "เมื่อวันที่ …", "ระหว่างวันที่ …", a date opening the
    paragraph) or opening with "วันนี้" or the time alone ("เมื่อเวลา 09.00 น."); the first body
    paragraph if none does.  Past the first paragraph a dateline counts only where
    ``dates_the_lead`` says it can date the event (opening its paragraph, near the publication day
    or named by the headline), so an undated activity paragraph is not passed over for a
    background date further down.  A paragraph whose date
    only closes it (a summary ending "… 8-11 ก.ย.") yields to a later one opening with a date
    ("เมื่อวันที่ 31 ส.ค. เวลา 13.00 น. …"), as ``dateline_paragraph`` decides."""
    paragraphs = [(start, start + len(ln)) for start, ln in lines if not _CHROME_LINE.match(ln)]
    headline = headline_days(title, published)
    openings: list[int | None] = []
    for index, (start, end) in enumerate(paragraphs[:_LEAD_PARAGRAPHS]):
        nothing_dated = all(offset is None for offset in openings)
        if nothing_dated and (
            text.startswith(_RELATIVE_OPENERS, start) or TIME_OPENS_LEAD_RE.match(text, start)
        ):
            return end
        usable = [
            m
            for m in find_dates(text, published, start, end)
            if dates_the_lead(m, start, first=index == 0, published=published, headline=headline)
        ]
        openings.append(dateline_opening(usable, start, text))
        chosen = dateline_paragraph(openings)
        # A date that only closes its paragraph may yet yield to a later one opening with a date.
        if chosen is not None and openings[chosen] <= LATE_DATELINE:  # type: ignore[operator]
            return paragraphs[chosen][1]
    chosen = dateline_paragraph(openings)
    return paragraphs[chosen if chosen is not None else 0][1] if paragraphs else len(text)


def _continued(text: str, end: int) -> int:
    """The lead's end moved past lines that continue its last sentence: sites break a short
    dateline before its time or place ("วันนี้ (30 มี.ค. 68) เวลา 16.00 น.⏎ณ ศูนย์บัญชาการ…") or
    a sentence after a word that needs more ("… มอบหมายให้⏎นายสมมติ … เป็นประธาน…")."""
    for _ in range(_CONTINUATION_LINES):
        last_line = text[text.rfind("\n", 0, end) + 1 : end]
        next_end = text.find("\n", end + 1)
        next_end = len(text) if next_end < 0 else next_end
        if end >= len(text):
            break
        open_ended = _OPEN_ENDING.search(last_line, max(0, len(last_line) - _OPEN_ENDING_REACH)) is not None
        short = len(last_line) < _SHORT_LINE or last_line.endswith(_TELLING_ENDING)
        if not (open_ended and _THAI_START.match(text, end + 1, next_end)) and not (
            short and _TIME_OR_PLACE_START.match(text, end + 1, next_end)
        ):
            break
        end = next_end
    return end


def build_article(
    doc_id: str,
    norm: NormalisedText,
    *,
    title: str | None = None,
    published: date | None = None,
    url: str | None = None,
) -> Article:
    """Locate title, publication date, body and lead in a normalised release.

    ``body_start`` is the first line after the header (site chrome, title, date lines, title
    repeats).  ``lead`` runs from ``body_start`` to the end of the paragraph that tells the main
    event: the first body paragraph, or, when the opening paragraphs are summaries that restate
    the headline, the first of the next few paragraphs carrying the dateline (at most
    ``_LEAD_PARAGRAPHS`` paragraphs in all), plus up to two lines that continue its last sentence
    after a line break (a time, a ณ-place or a linking word opening a line after a short or
    open-ended one).  ``published`` comes from the caller or the date line.
    """
    text = norm.text
    lines = _lines(text)
    body_start = len(text)
    header_title = title
    header_date: date | None = None  # the header's own date line
    for index, (start, line) in enumerate(lines):
        if index >= _HEADER_LINES:
            body_start = start
            break
        stripped = _TITLE_PREFIX.sub("", line).strip()
        if not stripped or _CHROME_LINE.match(line):
            continue
        line_date = _date_line(stripped)
        if line_date is not None and _opens_body(stripped, line_date, header_date):
            body_start = start
            break
        if line_date is not None:
            if line_date != _EPOCH:
                published = published or line_date
                header_date = header_date or line_date
            continue
        if header_title is None:
            # A one-line English site name above a Thai headline is chrome, not the title.
            following = next((ln for _, ln in lines[index + 1 : index + 4] if ln.strip()), "")
            if _LATIN_ONLY.match(stripped) and _THAI.search(following) and len(stripped) < 80:
                continue
            header_title = stripped
            continue
        if _is_title_repeat(stripped, header_title):
            continue
        body_start = start
        break
    body_lines = [(s, ln) for s, ln in lines if s >= body_start]
    lead_end = _lead_end(text, body_lines, published, header_title) if body_lines else len(text)
    lead_end = _continued(text, lead_end)
    return Article(
        doc_id=doc_id,
        norm=norm,
        title=header_title,
        published=published,
        url=url,
        body_start=body_start,
        lead=(body_start, max(body_start, lead_end)),
    )
