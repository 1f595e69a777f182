"""Attendee counts of the main event: "จำนวน 600 คน", "รวม 80 คน", "กว่า 300 คน".

A count is a number of people tied to the participants of the reported activity.  Releases are
full of other numbers with "คน"/"ราย" (patients, households, registered victims, beneficiaries of
a past programme, national statistics), so a count is accepted only with a participation cue near
it, and paragraphs are read in order of how central they are to the main event (``event_zone``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from extract.article import Article
from extract.event_zone import EventZone, locate_event_zone
from extract.gazetteers import trie_pattern
from extract.results import AttendeeCount
from extract.thai_dates import ABBR_MONTHS, FULL_MONTHS
from schemas.models import Qualifier, Span

# Scanning starts at a digit class (a leading charset lets the regex engine skip ahead fast);
# the number's shape and the qualifier word before it are checked separately.
_COUNT = re.compile(
    # The lookahead repeats what the first character must be: rejecting other positions before
    # the look-behind runs makes the whole-text scan ~40 % cheaper.
    r"(?=[0-9])(?<![0-9,.])(?P<num>[0-9][0-9,.]*+)\s?(?P<mult>พัน|หมื่น|แสน|ล้าน)?\s?"
    # คน/ท่าน/รูป are people; ราย only when a participant noun precedes (checked below);
    # นาย as a unit only when no name is glued to it ("3,000 นาย" but not "นายสมชาย").
    r"(?P<unit>คน(?!ละ|พิการ|ไทย|ต่างด้าว|ต่อ)|ท่าน|รูป(?![ก-๙])|ราย(?!ได้|การ|ละ|ชื่อ|งาน|ย่อย|ใหม่)|นาย(?![ก-๙]))"
)
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
_QUALIFIER_BEFORE = re.compile(r"(มากกว่า|ไม่น้อยกว่า|เกินกว่า|กว่า|ประมาณ|ประมาน|ราว\s?ๆ|ราว|เกือบ)\s?$")
_QUALIFIER: dict[str, Qualifier] = {
    "มากกว่า": "at_least",
    "ไม่น้อยกว่า": "at_least",
    "เกินกว่า": "at_least",
    "กว่า": "at_least",
    "ประมาณ": "approx",
    "ประมาน": "approx",
    "ราว": "approx",
    "ราวๆ": "approx",
    "ราว ๆ": "approx",
    "เกือบ": "approx",
}
_MULTIPLIER = {"พัน": 1_000, "หมื่น": 10_000, "แสน": 100_000}
_MAX_ATTENDEES = 200_000  # beyond this a "number + คน" is a phone number or a statistic
_MAX_ATTENDEES_AWAY = 10_000  # outside the dateline and headline, bigger counts are statistics

# Who is attending: participation verbs and the nouns that list attendees.
_CUE_BEFORE = re.compile(
    r"เข้าร่วม|ผู้เข้าร่วม|ร่วมงาน|ร่วมรับฟัง|ร่วมพิธี|รับเสด็จ|เข้ารับการ|ผู้เข้ารับ|ประกอบด้วย|โดยมี"
    r"|พร้อมด้วย|ผู้ร่วม|ผู้แทน|ผู้บริหาร|เจ้าหน้าที่|ข้าราชการ|บุคลากร|ผู้เกี่ยวข้อง|รวมทั้งสิ้น|รวมจำนวน"
)
_CUE_AFTER = re.compile(r"\s?(?:ได้)?(?:เข้าร่วม|เข้ารับ|ร่วม|เข้าพบ|เข้าฟัง|มาร่วม)")
# Outside the dateline paragraph only an explicit "participants" noun ties a count to the event.
_STRONG_CUE = re.compile(
    r"ผู้เข้าร่วม|(?:ผู้|ที่)เข้ารับ(?:การ)?|ผู้ร่วม(?:งาน|กิจกรรม|ประชุม)|เข้าร่วม(?:ประชุม|งาน|กิจกรรม|อบรม|สัมมนา|โครงการ)"
)
_TOTAL = re.compile(r"(?:รวม|ทั้งสิ้น|รวมทั้งสิ้น|รวมจำนวน|รวมจำนวนทั้งสิ้น|จำนวนทั้งสิ้น)\s?(?:จำนวน)?\s?$")
# "ผู้เข้าร่วมกิจกรรม รวม 80 ราย", "นักสังคมสงเคราะห์ที่เข้ารับประกาศเกียรติคุณ จำนวนทั้งสิ้น 22 ราย"
# (a bare "เข้าร่วมโครงการ 95 ราย" counts enrolled beneficiaries, not people at the event)
_PERSON_BEFORE_RAI = re.compile(r"(?:ผู้เข้าร่วม|ผู้เข้ารับ|ที่เข้ารับ)\S*(?:\s?(?:รวม|จำนวน|ทั้งสิ้น))*\s?$")
# People counted in statistics, victims, cases, beneficiaries and the like.
_NOT_ATTENDEES = re.compile(
    r"ผู้ป่วย|ติดเชื้อ|เสียชีวิต|ผู้ประสบ|ผู้เสียหาย|ผู้ต้องหา|ผู้ต้องขัง|ผู้กระทำผิด|ครัวเรือน|ประชากร"
    r"|ผู้ว่างงาน|ผู้ประกันตน|ผู้สมัคร|ผู้มีสิทธิ|ผู้ได้รับผลกระทบ|ผู้โดยสาร|นักท่องเที่ยว"
    r"|ผู้ใช้|ลูกค้า|ผู้ถือ|ผู้ลี้ภัย|แรงงานต่างด้าว|ผู้ติดยา|ผู้เสพ|ผู้ค้า|บาดเจ็บ|สูญหาย|ถูกจับ|ที่ผ่านมา"
    r"|ปีที่แล้ว|สะสม|ทั่วประเทศมี|ตั้งแต่ปี|เป้าหมายปี|เพิ่มจำนวน|เพิ่มขึ้น|ลดลง|มากขึ้น|ให้ได้|คาดว่า|ภายในปี"
    r"|มีสมาชิก|วันละ|เดือนละ|ปีละ|ตั้งเป้า|เชื่อมั่นว่า|จ้างงาน|ว่าจ้าง|ผลัด|ภารกิจ|กักตัว|ผู้สัมผัส"
    r"|บำบัด|มีลูก|มีบุตร|อัตรากำลัง|ขอเพิ่ม|เพิ่มอีก|ขาดแคลน|ไม่เพียงพอ|รับการรักษา|รักษาตัว|วัคซีน|คัดกรอง"
)
_NOT_ATTENDEES_AFTER = re.compile(r"\s?(?:คิดเป็น|ร้อยละ|ต่อวัน|ต่อเดือน|ต่อปี|ต่อ\s?ราย|/)")
_COUNT_WORD_BEFORE = re.compile(r"จำนวน\s?(?:ทั้งสิ้น)?\s?$")
_PHONE_BEFORE = re.compile(r"(?:โทร\S*|[\d\-/.])\s?$")
# "EXPO 2023 คนชล…", "ปี 2566 คน…": a year glued to a word starting with คน is no count.
# A year after "ปี", an era or a month ("… 28 กันยายน 2564 ท่านสามารถ…": ท่าน is "you" there).
_YEAR_BEFORE = re.compile(
    rf"(?:[A-Za-z]|ปี|พ\.ศ\.|ค\.ศ\.|{trie_pattern([*FULL_MONTHS, *ABBR_MONTHS])}\.?)\s?$"
)
_QUOTE_MARK = re.compile(r"[“”\"]")
_LAST_QUOTE = re.compile(r"(?P<mark>[“”\"])[^“”\"]*$")
_QUOTED_REACH = 60  # quoted names holding a count are short
_WINDOW = 300  # characters before a count searched for cues, within the paragraph
_NEAR = 60  # characters before a count searched for "not attendees" nouns


@dataclass(frozen=True, slots=True)
class _Candidate:
    count: int
    qualifier: Qualifier
    span: Span
    is_total: bool


def extract_attendee_count(article: Article) -> AttendeeCount | None:
    """People attending the main event ("จำนวน 600 คน", "กว่า 300 คน"), or None."""
    text = article.text
    if not text:
        return None
    # One scan finds every "number + คน" of the release; paragraphs without one are skipped.
    hits = [match.start() for match in _COUNT.finditer(text)]
    if not hits:
        return None
    zone = locate_event_zone(article)
    for paragraphs, strong_only in _tiers(zone):
        for start, end in paragraphs:
            index = bisect_left(hits, start)
            if index == len(hits) or hits[index] >= end:
                continue
            chosen = _best_in_paragraph(text, start, end, strong_only)
            if chosen is not None:
                return AttendeeCount(count=chosen.count, qualifier=chosen.qualifier, span=chosen.span)
    # Last resort: a bare "จำนวน N คน" in the dateline paragraph (awardees, delegates) is the
    # main event's people more often than not.
    start, end = zone.dateline
    for found in _candidates(text, start, end):
        if _COUNT_WORD_BEFORE.search(text, max(start, found.span[0] - 12), found.span[0]):
            return AttendeeCount(count=found.count, qualifier=found.qualifier, span=found.span)
    return None


def _tiers(zone: EventZone) -> Iterator[tuple[tuple[Span, ...], bool]]:
    yield (zone.dateline,), False
    yield zone.headline, False
    yield zone.rest, True


def _best_in_paragraph(text: str, start: int, end: int, strong_only: bool) -> _Candidate | None:
    """First count tied to participants; a stated total ("รวม 80 คน") wins over its parts."""
    accepted = [c for c in _candidates(text, start, end) if _is_participants(text, c, start, strong_only)]
    if not accepted:
        return None
    return next((c for c in accepted if c.is_total), accepted[0])


def _candidates(text: str, start: int, end: int) -> Iterator[_Candidate]:
    for match in _COUNT.finditer(text, start, end):
        if match.group("mult") == "ล้าน":
            continue
        if not _NUMBER.fullmatch(match.group("num")):
            continue
        written = match.group("num")
        value = float(written.replace(",", "")) * _MULTIPLIER.get(match.group("mult") or "", 1)
        if not 0 < value < _MAX_ATTENDEES or (value != int(value)):
            continue
        num_start = match.start("num")
        if _inside_quotation(text, start, num_start):
            continue  # "1 คน 1 ต้น": part of a quoted programme name or slogan
        before = text[max(start, num_start - 12) : num_start]
        qual = _QUALIFIER_BEFORE.search(before)
        if qual is None and _PHONE_BEFORE.search(before):
            continue
        if (
            "," not in written
            and (1900 <= value <= 2100 or 2400 <= value <= 2700)
            and _YEAR_BEFORE.search(before)
        ):
            continue
        if match.group("unit") == "ราย" and not _PERSON_BEFORE_RAI.search(
            text[max(start, num_start - 60) : num_start]
        ):
            continue
        qualifier = _QUALIFIER.get(qual.group(1).replace(" ", ""), "exact") if qual else "exact"
        span_start = num_start - len(before) + qual.start() if qual else num_start
        is_total = bool(_TOTAL.search(text, max(start, span_start - 20), span_start))
        yield _Candidate(int(value), qualifier, (span_start, match.end()), is_total)


def _inside_quotation(text: str, para_start: int, pos: int) -> bool:
    """Whether pos lies inside a short quotation ("“1 คน 1 ต้น เพื่อคนสมมติ”"): the nearest quote mark
    before it opens one (a “, or a straight quote after a space) and another quote mark closes soon after.
    Quote styles are mixed in releases, so pairs are not matched by kind."""
    opening = _LAST_QUOTE.search(text, max(para_start, pos - _QUOTED_REACH), pos)
    if opening is None:
        return False
    mark = opening.group("mark")
    opens = mark == "“" or opening.start("mark") == para_start or text[opening.start("mark") - 1].isspace()
    return opens and _QUOTE_MARK.search(text, pos, pos + _QUOTED_REACH) is not None


def _is_participants(text: str, found: _Candidate, para_start: int, strong_only: bool) -> bool:
    begin, end = found.span
    near = text[max(para_start, begin - _NEAR) : begin]
    if _NOT_ATTENDEES.search(near) or _NOT_ATTENDEES_AFTER.match(text, end):
        return False
    window = text[max(para_start, begin - _WINDOW) : begin]
    after = _CUE_AFTER.match(text, end) is not None
    if strong_only:
        if found.count >= _MAX_ATTENDEES_AWAY:
            return False
        return (
            bool(_STRONG_CUE.search(window))
            or (after and "คน" in text[begin:end])
            or (found.is_total and "โดยมี" in window)
        )
    return after or bool(_CUE_BEFORE.search(window))
