"""Where the main event is told: the paragraphs of a release ranked by how central they are.

Releases open with a headline (often repeated, sometimes with sub-headlines) and then one
"dateline" paragraph ("วันนี้ (28 ต.ค. 62) เวลา 10.30 น. … เป็นประธาน …") that tells who did what,
where and when.  Later paragraphs quote speeches, background, statistics and other activities, so
extractors look at the dateline paragraph first, then the headline block above it, then the rest.

API (used by programmes, programme_names, organisers, attendees): ``locate_event_zone(article)``
returns an ``EventZone``; ``zone.dateline`` is one (start, end) span of ``article.text`` (it may
run over a line break when the site broke the sentence), ``zone.headline`` the spans above it,
``zone.rest`` the later paragraphs in order, ``zone.main`` the dateline then the headline block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.article import Article
from extract.names import TITLE_RE
from extract.officials_mentions import titled_mention
from extract.thai_dates import TIME_OPENING
from schemas.models import Span

_WEEKDAY = r"(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)"
# A date told near the start of a paragraph marks the paragraph that reports the activity:
# "วันนี้ (…", "เมื่อวันที่ 5", "ในวันศุกร์ที่ 1", "วันพุธ ที่ 30", "เมื่อวานนี้ (", a bare "28 ต.ค. 62",
# the time alone opening the paragraph ("เมื่อเวลา 09.00 น.", the publication day).
_DATELINE_CUE = re.compile(
    r"วันนี้\s*\(|เมื่อวานนี้|เมื่อวันที่|เมื่อวัน\S*ที่\s*\d|วันที่\s*\d|ระหว่างวันที่"
    rf"|วัน{_WEEKDAY}\s?ที่\s?\d|^\(?\d{{1,2}}\s*\S+\s*\d{{2,4}}\)?|{TIME_OPENING}",
    re.M,
)
_DATE_ONLY = re.compile(r"[\w]{0,12}[\d/ .:-]+")
_DATELINE_REACH = 160  # characters from a paragraph's start within which the date must appear
_OPENING_DATE = 15  # a cue this close to the start opens the paragraph ("ทั้งนี้ ในวันศุกร์ที่ 1")
_LATE_DATE = 40  # a cue further in closes a sub-headline ("…แถลงเดินหน้าโครงการ… เมื่อวันที่ 2")
_QUOTE_OPEN = re.compile(r"[“\"‘']")  # a quoted speech paragraph is never the dateline
_MAX_HEAD_PARAGRAPHS = 6  # the dateline paragraph is among the first few body paragraphs
# Sites break lines inside a sentence ("… มอบหมายให้⏎นายสุเทพ … เป็นประธาน…") or put the date,
# time and place on lines of their own ("ในวันอังคารที่ 26 มกราคม 2564 เวลา 15.00 น.⏎ณ ห้อง…⏎นาย…");
# such a dateline runs on into the next lines until the sentence has told what was done.
_SHORT_PARAGRAPH = 100
_MAX_CONTINUATION_LINES = 3
_OPEN_ENDING = re.compile(
    r"(?:และ|ให้|โดย|ณ|กับ|ของ|แก่|ว่า|พร้อมด้วย|ร่วมกับ|เพื่อ|ซึ่ง|หรือ|คือ|ได้แก่|ได้|ที่|ใน|จาก|เป็น|ตาม|,|-)$"
)
# What a complete dateline sentence does (a short line without any of these is a date/place fragment).
_TOLD_ACTION = re.compile(
    r"ประธาน|เปิดงาน|เปิดการ|ลงพื้นที่|ตรวจ|หารือ|ลงนาม|กล่าว|เปิดเผย|แถลง|ร่วม|มอบ|จัด|ต้อนรับ|เยี่ยม|เยือน|พบ|นำ"
)
# What a lead paragraph reports someone doing, and saying: a paragraph that opens with a person
# who speaks before doing anything ("นายสมชาย … กล่าวว่า …") is a statement, not the lead.
_DEED = re.compile(
    r"เป็นประธาน|ประธาน(?:ใน|เปิด|การ)|เปิดงาน|เปิดการ|ลงพื้นที่|(?<!ผู้)ตรวจ(?:เยี่ยม|ราชการ|ติดตาม)|หารือ"
    r"|ลงนาม|มอบ(?!หมาย)|ต้อนรับ|เยี่ยมชม|เยือน|ร่วม(?:งาน|พิธี|ประชุม|กิจกรรม)"
)
# "เปิดเผยภายหลังลงพื้นที่…" tells what was said after the deed: the deed is the news.
_SAYING = re.compile(r"(?:กล่าว|เปิดเผย|เผย|ระบุ|ให้สัมภาษณ์|แถลง|ชี้แจง)(?!\s?(?:ภาย)?หลัง)")
# When or where in a paragraph ("เวลา 10.30 น.", "เมื่อวันที่ผ่านมา", "ณ.โรงแรม…"): sub-headlines say neither.
# "ณ" as a word of its own before a word ("ณ.โรงแรม…", "ณ ห้อง…"); programmes shares it.
NA_WORD = r"(?<!\S)ณ\.?\s?(?=[ก-ฮเ-ไA-Za-z])"
_TIME_OR_PLACE = re.compile(rf"เวลา\s?\d|เมื่อวัน|{NA_WORD}")


@dataclass(frozen=True, slots=True)
class EventZone:
    """Paragraph spans of a release, grouped by how likely they tell the main event."""

    dateline: Span  # the paragraph that reports the activity (or the first body paragraph)
    headline: tuple[Span, ...]  # title line(s) and sub-headline paragraphs before the dateline
    rest: tuple[Span, ...]  # every later paragraph, in order

    @property
    def main(self) -> tuple[Span, ...]:
        """Dateline paragraph first, then the headline block."""
        return (self.dateline, *self.headline)


def paragraph_spans(text: str, start: int = 0) -> list[Span]:
    """Non-empty lines of text from start on, as (start, end) spans."""
    spans: list[Span] = []
    offset = start
    for line in text[start:].split("\n"):
        end = offset + len(line)
        if line.strip():
            spans.append((offset, end))
        offset = end + 1
    return spans


# Several extractors read the zone of the same article in turn; remember the last one.
_last_zone: tuple[Article, EventZone] | None = None


def locate_event_zone(article: Article) -> EventZone:
    """Split an article into dateline paragraph, headline block and the rest (cached per article)."""
    global _last_zone
    if _last_zone is not None and _last_zone[0] is article:
        return _last_zone[1]
    zone = _locate(article)
    _last_zone = (article, zone)
    return zone


def _locate(article: Article) -> EventZone:
    text = article.text
    head = [span for span in paragraph_spans(text[: article.body_start]) if _is_prose(text, span)]
    body = paragraph_spans(text, article.body_start)
    if not body:
        end = len(text)
        return EventZone(dateline=(end, end), headline=tuple(head), rest=())
    index = _dateline_index(text, body[:_MAX_HEAD_PARAGRAPHS])
    last = index
    if _cue_offset(text, body[index]) is not None:
        last = _continuation_end(text, body, index)
    return EventZone(
        dateline=(body[index][0], body[last][1]),
        headline=tuple(head + body[:index]),
        rest=tuple(body[last + 1 :]),
    )


def _dateline_index(text: str, paragraphs: list[Span]) -> int:
    """The first paragraph with a date near its start; one opening with a date beats a date that
    only closes an earlier paragraph (a sub-headline or summary that ends "… เมื่อวันที่ 2 ต.ค.")."""
    offsets = [None if _QUOTE_OPEN.match(text, span[0]) else _cue_offset(text, span) for span in paragraphs]
    first = next((i for i, offset in enumerate(offsets) if offset is not None), None)
    if first is None:
        return _person_lead_index(text, paragraphs)
    if offsets[first] > _LATE_DATE:  # type: ignore[operator]
        opening = next(
            (
                i
                for i in range(first + 1, len(offsets))
                if offsets[i] is not None and offsets[i] <= _OPENING_DATE  # type: ignore[operator]
            ),
            None,
        )
        if opening is not None:
            return opening
    return first


def _person_lead_index(text: str, paragraphs: list[Span]) -> int:
    """Without a date near any paragraph's start, the first paragraph, unless it is a sub-headline
    (no titled name opening it, no time or place in it) above one that opens with a titled full
    name and tells a deed before any saying: "เดินหน้าบูรณาการทุกหน่วยงาน…" above "นายสมพร ใจดี
    ปลัด… เป็นประธานการประชุมหารือ… เมื่อวันที่ 9 พฤษภาคม 2566 …", whose date is too late a cue."""
    if (
        not paragraphs
        or _opens_with_person(text, paragraphs[0])
        or _TIME_OR_PLACE.search(text, *paragraphs[0])
    ):
        return 0
    for index, span in enumerate(paragraphs[1:], start=1):
        if _opens_with_person(text, span) and _tells_a_deed(text, span):
            return index
    return 0


def _tells_a_deed(text: str, span: Span) -> bool:
    deed = _DEED.search(text, *span)
    saying = _SAYING.search(text, *span)
    return deed is not None and (saying is None or deed.start() < saying.start())


def _opens_with_person(text: str, span: Span) -> bool:
    """A full name with its title opens the paragraph (the officials' own mention reader decides, so
    "นายกรัฐมนตรี…" and "นายกเทศมนตรี…" are posts, not names)."""
    title = TITLE_RE.match(text, span[0], span[1])
    mention = titled_mention(text, title) if title is not None else None
    return mention is not None and mention.full


def _cue_offset(text: str, span: Span) -> int | None:
    start, end = span
    match = _DATELINE_CUE.search(text, start, min(end, start + _DATELINE_REACH))
    return None if match is None else match.start() - start


def _continuation_end(text: str, body: list[Span], index: int) -> int:
    """Index of the last line of the dateline sentence that starts at body[index]."""
    last = index
    while last + 1 < len(body) and last - index < _MAX_CONTINUATION_LINES:
        start, end = body[index][0], body[last][1]
        if _cue_offset(text, body[last + 1]) == 0:
            break  # the next line opens with a date of its own
        open_ending = _OPEN_ENDING.search(text, max(start, end - 12), end) is not None
        fragment = end - start < _SHORT_PARAGRAPH and _TOLD_ACTION.search(text, start, end) is None
        if not (open_ending or fragment):
            break
        last += 1
    return last


def _is_prose(text: str, span: Span) -> bool:
    """Headline-block lines worth reading: not bare dates, 'พิมพ์' or site chrome."""
    return span[1] - span[0] > 20 and _DATE_ONLY.fullmatch(text, span[0], span[1]) is None
