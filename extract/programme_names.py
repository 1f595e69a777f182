"""The name of the main event: "การประชุมเชิงปฏิบัติการ…", "โครงการ…", "พิธี…", or a quoted name.

A name is taken where the release says what was opened, chaired, organised or attended
("เป็นประธานเปิดการประชุม…", "จัดงาน “…”", "ร่วมประชุม…"), in the paragraphs that tell the main
event.  Unquoted names end where the sentence goes on to the venue, the date, the guests, the
purpose or the headcount ("ณ", "ที่…", "โดยมี", "เพื่อ", "วันที่", "จำนวน", a person's title…).
Lecture topics and slogans ("บรรยายพิเศษ เรื่อง …", "ภายใต้แนวคิด “…”") are never names: they are
reached only through the trigger words above, never on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.article import Article
from extract.event_zone import EventZone, locate_event_zone
from extract.gazetteers import trie_pattern
from extract.results import Found
from schemas.models import Span

_QUOTE = "“”\"‘’'"
_OPENING_QUOTE = re.compile(rf"\s?[{_QUOTE}]")
_CLOSING_QUOTE = re.compile(rf"[{_QUOTE}\n]")

# Words that head an event name, longest first so "การประชุมเชิงปฏิบัติการ" beats "การประชุม".
_HEADS = (
    "การประชุมเชิงปฏิบัติการ",
    "ประชุมเชิงปฏิบัติการ",
    "การประชุมสัมมนา",
    "ประชุมสัมมนา",
    "การประชุม",
    "ประชุม",
    "การสัมมนา",
    "สัมมนา",
    "การเสวนา",
    "เสวนา",
    "การฝึกอบรม",
    "ฝึกอบรม",
    "การอบรม",
    "อบรม",
    "โครงการ",
    "พิธี",
    "มหกรรม",
    "กิจกรรม",
    "นิทรรศการ",
    "การแข่งขัน",
    "การประกวด",
    "เทศกาล",
    "เวที",
    "การแถลงข่าว",
    "ลงนามบันทึก",
    "การลงนาม",
    "งาน",
)
_HEAD = re.compile("|".join(_HEADS))
# A head word that is really the verb's object, not the start of a name ("ร่วมงานกับ", "ในงานนี้").
_NOT_A_NAME_AFTER_HEAD = re.compile(
    r"\s?(?:มี|กับ|ถึง|เกี่ยวกับ|ที่|ของ|ด้าน|ใน(?!วัน)|และ|ให้|ได้|เป็น|ตาม|นี้|ดังกล่าว|ต่าง|ร่วม|ครั้งนี้|จะ|ก็|ว่า|แล้ว|โดย"
    r"|ซึ่ง|ฯ|ทั้ง|อย่าง|สำคัญ|หลัก|ต่อ|จาก|ขึ้น|ไป|มา|นั้น|เหล่านี้|อื่น|กรอบ|วงเงิน|งบประมาณ|มูลค่า|จำนวน|$)"
)
# What must come right before a head (or an opening quote) for it to name the reported event.
# "ใน" only after a chair/attend verb or a space ("ประธานในพิธี", "เนื่องในพิธี", " ในงาน"), never
# inside a phrase ("ความสามารถในการแข่งขัน", "ภายในงาน").
_TRIGGER = re.compile(
    r"(?:ประธาน(?:การ)?|เปิด|ปิด|จัด|จัดทำ|จัดขึ้น|ร่วม|ทรง|(?:ประธาน|ร่วม|เนื่อง|กล่าว|พยาน|เกียรติ|\s)ใน)\s?$"
)
# A head that is only the frame of another name: "พิธีเปิด “…”", "งานสัมมนา…", "โครงการ “…”".
_FRAME = re.compile(r"(?:พิธี(?:เปิด|ปิด)(?:งาน)?|งาน(?=" + "|".join(_HEADS[:-1]) + r"))\s?")
_GENERIC_BEFORE_QUOTE = re.compile(r"[^\s“”\"‘’']{2,40}\s?(?=[“”\"‘’'])")

_THAI_MONTH = (
    r"(?:ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน"
    r"|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม)"
)
_HONORIFIC = (
    r"(?:นาย|นาง|นางสาว|น\.ส\.|ดร\.|นพ\.|พญ\.|ทพ\.|ภก\.|ผศ\.|รศ\.|ศ\.|พล\.|พลเอก|พลตำรวจ|พลเรือ|พลอากาศ"
    r"|พันเอก|พันตำรวจ|ว่าที่|ศาสตราจารย์|รองศาสตราจารย์|ผู้ช่วยศาสตราจารย์|Mr\.|Mrs\.|Ms\.|Dr\.)"
)
# Where an unquoted name ends: the sentence moves on to venue, date, guests, purpose, count…
_NAME_END = re.compile(
    r"\s(?=ณ|ที่(?!\d)|โดย(?!สมัครใจ|ชุมชน|สันติ|ภาคประชาชน)|จัดโดย|เพื่อ|ซึ่ง|พร้อม|ภายใต้|ระหว่างวันที่|ระหว่าง\s?\d|ในวันที่|ในโอกาส|ในฐานะ|ในห้วง|ในระหว่าง|วันที่|วัน(?:จันทร์|อังคาร|พุธ|พฤหัส|ศุกร์|เสาร์|อาทิตย์)"
    r"|เมื่อ|ร่วมกับ|เนื่องใน|จัดขึ้น|ให้แก่|ให้กับ|แก่|ผ่าน|ทั้งนี้|ตั้งแต่|จำนวน|เป็น|อีกทั้ง|รวมถึง|รวมทั้ง|กล่าว|มุ่ง|หวัง"
    r"|สำหรับ|โอกาสนี้|นอกจากนี้|และ(?:มอบ|เยี่ยม|ร่วม|กล่าว|บรรยาย|เป็น|ได้|มี|ตรวจ|เปิด|ปาฐกถา|พบ|รับฟัง|ติดตาม|ลงพื้นที่)|พบ|มี(?:นาย|นาง|ผู้|การ|\s)"
    r"|ด้วย|เวลา|ตลอด|ส่งผล|เริ่ม|จึง|แต่|ทำให้|นำ|ได้|ขณะ|หลังจาก|ก่อน|โดยมี|อาทิ|ได้แก่|ประกอบด้วย|ต่อ|เน้น|ยกระดับ"
    rf"|\(?\d{{1,2}}\s?(?:[-–]\s?\d{{1,2}}\s?)?{_THAI_MONTH}|{_HONORIFIC}|[“”\"‘’'])"
    # glued: a clause verb, "today", a closing quote of a sentence-level quotation, a headcount
    r"|(?=จัดขึ้น|ที่จัด|ซึ่งจัด|จัดโดย|และการประชุมอื่น|(?<=\))\s?และพิธี|วันนี้|ครั้งนี้|ในครั้งนี้|[“”\"‘’]|\s?อีก\s?\d|\s\d[\d,]*\s?(?:ราย|คน)(?![ก-๙]))"
    r"|\n|\s?[,;](?!\d)"
)
# After an edition or year ("ครั้งที่ 45", "ประจำปี 2567", "รุ่นที่ 1") a name goes on only with
# another edition/year part or a parenthesis; anything else is the sentence moving on.
_EDITION_END = re.compile(
    r"(?:ครั้งที่|รุ่นที่|ฉบับที่|ระยะที่|ปี|พ\.ศ\.|ค\.ศ\.|ประจำปี\S*)\s?\d[\d/.\-–]*\s"
    r"(?!\(|ประจำปี|ปี|พ\.ศ\.|ค\.ศ\.|ครั้งที่|รุ่นที่|ระยะที่|ฉบับที่|ระดับ(?:ชาติ|ประเทศ|ภูมิภาค)|[-–]|และ|ใน|จังหวัด|\d)"
)
# "… ครั้งที่ 45 (The International Conference …)": an English rendering after the number ends it.
_TRAILING_TRANSLATION = re.compile(r"(?<=\d)\s?\((?=[^()]*[A-Za-z])(?:[^()]|\([^()]*\))*\)$")
# "เนื่องในเทศกาลสมมติ … ประจำปี 2568": an occasion clause that runs to the edition year is part of
# the name; without a year it is the sentence going on ("… เนื่องในวันสตรีสากล").
_OCCASION_OF_EDITION = re.compile(r"\sเนื่องใน[^\n,“”\"]{0,160}?\sประจำปี\S*\s?\d")
_TOPIC_ONLY = re.compile(r"^(?P<frame>\S{2,25})\s(?:ใน)?หัวข้อ\s?(?P<topic>.+)$")
# "ร่วมประชุมหารือกับผู้บริหาร…": a bare verb (no การ) and its partner, not the name of a meeting.
_VERB_PHRASE = re.compile(r"(?:ประชุม|สัมมนา|เสวนา)(?:หารือ)?\s?(?:กับ|ร่วมกับ|ถึง|เกี่ยวกับ)")
_ANAPHOR = re.compile(r"(?:ดังกล่าว|ครั้งนี้|นี้|ในครั้งนี้|ฯ|ต่าง\s?ๆ)")
_QUOTE_OR_HEAD = re.compile(trie_pattern([*_QUOTE, *_HEADS]))
_UNDER_PROGRAMME = re.compile(rf"ภายใต้(?:ชื่อ)?(?:โครงการ|กิจกรรม)\s?(?=[{_QUOTE}])")
_PROJECT_BEFORE_QUOTE = re.compile(rf"โครงการ\s?(?=[{_QUOTE}])")
_PHRASE_HEAD = re.compile(r"(?:(?<=\s)|^)(?:การประชุม|ประชุมเชิงปฏิบัติการ|การสัมมนา|โครงการ|มหกรรม)", re.M)
_SPACES = re.compile(r"\s+")
_MAX_NAME = 300
_MIN_NAME = 6


def find_programme_name(article: Article, zone: EventZone | None = None) -> Found[str] | None:
    """The most specific name of the main event, as written, or None."""
    text = article.text
    zone = zone or locate_event_zone(article)
    for start, end in zone.main:
        found = next(_triggered_names(text, start, end), None)
        if found is not None:
            return _found(article, found)
    # "โครงการ “ครัวเรือนสีขาว”" told right after the dateline paragraph.
    for start, end in zone.rest[:2]:
        for match in _PROJECT_BEFORE_QUOTE.finditer(text, start, end):
            span = _quoted(text, match.end(), end)
            if span is not None:
                return _found(article, span)
    # A name standing at the start of a phrase in the dateline paragraph
    # ("จังหวัดลำปาง โดยสำนักงาน… ประชุมเชิงปฏิบัติการ…").
    start, end = zone.dateline
    for match in _PHRASE_HEAD.finditer(text, start, end):
        span = _bounded_name(text, match.start(), end, match.end() - match.start())
        if span is not None:
            return _found(article, span)
    # "ส่งมอบอาหาร… ภายใต้กิจกรรม “กล่องสมมติ”": the programme an activity was part of.
    for start, end in (*zone.main, *zone.rest[:1]):
        for match in _UNDER_PROGRAMME.finditer(text, start, end):
            span = _quoted(text, match.end(), end)
            if span is not None:
                return _found(article, span)
    return None


def _found(article: Article, span: Span) -> Found[str]:
    return Found(_SPACES.sub(" ", article.surface(span)).strip(), span)


def _triggered_names(text: str, start: int, end: int) -> Iterator[Span]:
    """Names right after a trigger word, in text order."""
    for match in _QUOTE_OR_HEAD.finditer(text, start, end):
        pos = match.start()
        if not _TRIGGER.search(text, max(start, pos - 16), pos):
            continue
        if match.group(0) in _QUOTE:
            span = _quoted(text, pos, end)
        else:
            span = _name_from_head(text, pos, end, len(match.group(0)))
        if span is not None:
            yield span


def _name_from_head(text: str, pos: int, end: int, head_len: int) -> Span | None:
    frame = _FRAME.match(text, pos, end)
    if frame is not None:
        rest = frame.end()
        if rest < end and text[rest] in _QUOTE:
            return _quoted(text, rest, end)
        head = _HEAD.match(text, rest, end)
        if head is not None:
            pos, head_len = rest, head.end() - rest
        elif frame.group(0).rstrip().endswith("งาน"):
            # "พิธีเปิดงานสัปดาห์สมมติ…": the name is the งาน… that was opened
            head_len = 3
            pos = rest - head_len - (len(frame.group(0)) - len(frame.group(0).rstrip()))
        else:
            # "พิธีเปิดศูนย์ช่วยเหลือสังคมสมมติ": what was opened has no head word of its own
            head_len = rest - pos
            if _NAME_END.match(text, rest - 1) or rest >= end:
                return None
    if _NOT_A_NAME_AFTER_HEAD.match(text, pos + head_len, end) or _ANAPHOR.match(text, pos + head_len, end):
        return None
    if _VERB_PHRASE.match(text, pos, end):
        return None
    # "โครงการประชุมเชิงปฏิบัติการ “สื่อสาร…”": a generic head, then the quoted name.
    generic = _GENERIC_BEFORE_QUOTE.match(text, pos, end)
    if generic is not None and not _NAME_END.search(text, pos, generic.end()):
        return _quoted(text, generic.end(), end)
    return _bounded_name(text, pos, end, head_len)


def _bounded_name(text: str, pos: int, end: int, head_len: int) -> Span | None:
    """From a head word to where the name ends, keeping parenthesised parts whole."""
    limit = min(end, pos + _MAX_NAME)
    stop = limit
    for match in _NAME_END.finditer(text, pos + head_len, limit):
        inside = text[pos : match.start()]
        if inside.count("(") > inside.count(")"):
            continue
        if _OCCASION_OF_EDITION.match(text, match.start(), limit):
            continue  # "… เนื่องในเทศกาลสมมติ … ประจำปี 2568" is part of the name
        stop = match.start()
        break
    else:
        if limit < end:
            return None  # runs on past any plausible name length: a sentence, not a name
    edition = _EDITION_END.search(text, pos + head_len, stop)
    if edition is not None:
        stop = edition.end() - 1
    name = text[pos:stop].rstrip(" -–:")
    topic = _TOPIC_ONLY.match(name)
    if topic is not None:
        return _clean(text, pos + topic.start("topic"), pos + topic.end("topic"))
    if name.endswith("หลักสูตร") and stop < end and _OPENING_QUOTE.match(text, stop):
        # "โครงการฝึกอบรม หลักสูตร “ผู้นำสมมติ”": the course's quoted title is part of the name
        quoted = _quoted(text, stop, end)
        if quoted is not None:
            return _clean(text, pos, quoted[1] + 1)
    if name.endswith("หัวข้อ") or name.endswith("เรื่อง"):
        quoted = _quoted(text, stop, end) if stop < end and _OPENING_QUOTE.match(text, stop) else None
        return quoted
    return _clean(text, pos, pos + len(name))


def _clean(text: str, start: int, end: int) -> Span | None:
    name = text[start:end]
    translation = _TRAILING_TRANSLATION.search(name)
    if translation is not None:
        end = start + translation.start()
    while end > start and text[end - 1] in " ,;:-–":
        end -= 1
    if end - start < _MIN_NAME or _HEAD.fullmatch(text, start, end):
        return None
    return (start, end)


def _quoted(text: str, pos: int, end: int) -> Span | None:
    """The content of the quotation opening at pos (any quote style, mismatched pairs too)."""
    opening = _OPENING_QUOTE.match(text, pos, end)
    if opening is None:
        return None
    content_start = opening.end()
    closing = _CLOSING_QUOTE.search(text, content_start, min(end, content_start + _MAX_NAME))
    if closing is None or text[closing.start()] == "\n":
        return None
    content_end = closing.start()
    while content_start < content_end and text[content_start] == " ":
        content_start += 1
    while content_end > content_start and text[content_end - 1] == " ":
        content_end -= 1
    if content_end - content_start < 4:
        return None
    return (content_start, content_end)
