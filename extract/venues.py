"""Venue of the main event and its province.

Releases place the main event with "ณ …" (also "ณ." and "จัดขึ้นที่ …") or "ที่ <venue head> …"
in the lead: "… เป็นประธานเปิดการประชุม ณ ห้องประชุม 1 ชั้น 2 อาคารสมมติ อำเภอเมือง จังหวัดลำปาง
โดยมี …". The venue is the words after the trigger up to the first word that starts something else
(an address part, a person, a clause); the province comes from the address that follows, from a
"จังหวัดX" inside the venue, from a place whose province is certain, or from "ลงพื้นที่จังหวัดX"
just before. Paragraphs after the lead are read only when the lead names no venue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from extract.article import Article
from extract.event_zone import locate_event_zone
from extract.names import TITLE_RE, names_a_room
from extract.provinces import (
    Province,
    ProvinceMention,
    bangkok_district_in,
    bare_province_at,
    prefixed_province_at,
    prefixed_provinces_in,
    province_alternation,
    province_at,
    province_of_surface,
)
from extract.results import Found, Venue
from extract.venue_lexicon import VenueLexicon, head_office_province_in, place_province_in, venue_lexicon

# How far past the lead a venue is looked for (summary paragraphs often come first).
_BODY_WINDOW = 2000
_MAX_VENUE_CHARS = 150
_MAX_VENUE_WORDS = 16
_MAX_WEAK_WORDS = 7
_MAX_VISITED_WORDS = 3
_LIST_JOINER = re.compile(r"\s?(?:และ|,|หรือ)?\s?")
# Words that put a visit in a province: the province follows within a few glued words.
_VISIT_AREA = r"ลงพื้นที่|ตรวจราชการ|ตรวจเยี่ยม|ตรวจติดตาม|เยือน|เดินทางไป|ในพื้นที่|ในเขต"

# "ณ" starts a venue only as a word of its own: it ends "ประมาณ", "คุณ", "อรุณ" and begins "ณัฐ…".
# "จัดที่ดิน", "จัดที่นั่ง", "จัดที่พัก" allot land, seats or rooms: no place follows them.
# (Literal first, look-behinds after: a pattern that opens with a look-behind is tried at every offset.)
_TRIGGER_AT = re.compile(
    r"(?:ณ(?<![\u0e01-\u0e4e]ณ)(?:\.|(?=\s))"
    r"|จัด(?:ขึ้น)?\s?(?:ณ|ที่(?!ดิน|ทำกิน|นั่ง|พัก|อยู่|จอด))(?![\u0e30-\u0e4e]))\s*"
)
# "ณบริเวณ…", "ณห้อง…": ณ glued to a venue head (not to a name such as "ณรงค์").
_GLUED_NA = re.compile(r"ณ(?<![\u0e01-\u0e4e.]ณ)(?=[\u0e01-\u0e2e\u0e40-\u0e44])")
# A bare "ที่" makes a venue only before a venue head; "พื้นที่", "หน้าที่", "สถานที่" end in it.
_THI = re.compile(
    r"ที่(?<!พื้นที่)(?<!หน้าที่)(?<!สถานที่)(?<!ตามที่)(?<!ยินดีที่)(?<!ขณะที่)(?<!โดยที่)(?<!สิ้นสุดที่)(?<!สิ้นสุด ที่)(?<!ปลายทางที่)\s?"
)
# "ลงพื้นที่ชุมชนตรอกสมมติ เขต…": a visited place, accepted only when an address follows it.
_VISIT = re.compile(r"(?:ลงพื้นที่|ตรวจเยี่ยม|เยี่ยมชม|ศึกษาดูงาน|เดินทางไป(?:ยัง)?|ไปยัง)")
# Visits whose object is the place itself even without an address ("ตรวจเยี่ยมสำนักงานสมมติ").
_INSPECT = re.compile(r"ลงพื้นที่|ตรวจเยี่ยม|เยี่ยมชม|ศึกษาดูงาน")
_OPERATIONS_OF = re.compile(r"(?:การดำเนินงาน|การปฏิบัติงาน|กิจการ|ความก้าวหน้า|ความคืบหน้า)(?:ของ|ที่)\s?")

# Where a venue phrase cannot continue at all: line end, slash (not in "02/10"), comma, quotes.
_HARD_END = re.compile(r"\n|(?<!\d)/|/(?!\d)|(?<!\d),|,(?!\d)|[;|#“”\"]|\s-\s(?=\D)")

_ADDRESS = (
    r"(?:อ|ต|จ|ถ|ซ)\.(?![\u0e01-\u0e2e]\.)|อำเภอ|ตำบล|จังหวัด|แขวง|เขต|ถนน|ซอย|เลขที่|หมู่ที่|หมู่\s?\d|ม\.\s?\d"
    r"|กรุงเทพ|กทม|ประเทศ|สาธารณรัฐ|ราชอาณาจักร|สหรัฐ|สหพันธ|กรุง|นคร(?!ราชสีมา)|เมือง(?!ทองธานี)|รัฐ(?!สภา)"
)
_PERSON = (
    r"นาย|นาง|น\.ส\.|ดร\.|นพ\.|พญ\.|ทพ\.|ภก\.|ศ\.|รศ\.|ผศ\.|พล\.|พลเอก|พลโท|พลตรี|พลตำรวจ|พลเรือ|พลอากาศ"
    r"|พัน(?:เอก|โท|ตรี|ตำรวจ)|พ\.[ตอท]\.|ร\.[ตอท]\.|ร้อย(?:เอก|โท|ตรี|ตำรวจ)|ว่าที่|เรือ(?:เอก|โท|ตรี)|จ่า"
    r"|ม\.ร\.ว\.|ม\.ล\.|หม่อม|คุณหญิง|ท่าน|Mr\b|Mrs\b|Ms\b|Miss\b|Dr\b|H\.E\.|Prof"
    r"|รัฐมนตรี|รมว\.|รมช\.|รมต\.|ปลัด|อธิบดี|รอง(?:อธิบดี|นายก|ปลัด|ผู้|เลขา|ประธาน|โฆษก|ศาสตรา|หัวหน้า|อธิการ|ผบ|แม่ทัพ|คณบดี)|ผู้|เลขาธิการ|ประธาน|เอกอัครราชทูต|อัครราชทูต|กงสุล|ผอ\."
    r"|หัวหน้า|โฆษก|ที่ปรึกษา|ผบ\.|อธิการบดี|คณบดี|ส\.ส\.|สมาชิก|เจ้าหน้าที่|ข้าราชการ|บุคลากร|ประชาชน"
    r"|คณะ(?:ผู้|กรรมการ|ทำงาน|รัฐมนตรี)|ตัวแทน|ภาคี|นักเรียน|นักศึกษา|เกษตรกร"
)
_CLAUSE = (
    r"เพื่อ|โดย|ซึ่ง|พร้อม|จำนวน|ระหว่าง|เมื่อ|ใน(?:วัน|ระหว่าง|โอกาส|ฐานะ|การ|พิธี|งาน|ช่วง|ครั้ง|นาม)"
    r"|วันที่|วันนี้|เวลา|ประกอบด้วย|คาด|เผย|ระบุ|ขณะ|ตอกย้ำ|ชม(?!รม)|พระบาทสมเด็จ|การ(?:ร่วม|ลงนาม)|\d{1,2}[.:]\d{2}\s?น\.|ได้|ว่า|กล่าว|ทั้ง|นอกจาก|สำหรับ|อีกทั้ง|จึง|แล้ว|ก่อน|ตั้งแต่"
    r"|ถึง|ให้|เป็น|มี(?!น)|มา(?!เลเซีย|บ)|จะ|ร่วม|นำ|เข้า|ตรวจ|ลงพื้นที่|รับ|มอบ|แถลง|พบ|หารือ|เปิด|ปิด|เยี่ยม|รวม"
    r"|และ(?:ผ่าน|ทาง|ระบบ|การ|ออนไลน์|ถ่ายทอด|ผู้|ได้|มี|เป็น|ร่วม|ใน|ที่|ตรวจ|เยี่ยม|ลง|มอบ|พบ|ติดตาม)|ย้ำ|ผ่าน|ถ่ายทอด|ด้วย|ภายหลัง|หลัง(?:จาก|การ)"
    r"|อันเป็น|ที่(?!ทำการ|ว่าการ)|ทาง(?:ระบบ|ออนไลน์)|ต่อ|จัด|ตาม|ภายใต้|เนื่อง|อย่าง|จาก|กับ|แก่|พิธี"
    r"|การ(?:ประชุม|สัมมนา|อบรม|แถลง)|กิจกรรม|โครงการ|ตอน|หรือ|เพิ่ม|ประมาณ|ร้อยละ|กว่า|ลด|งาน(?!\S*(?:ฮอลล์|hall|Hall))|และ$|ซึ่ง"
)
_ADDRESS_AT = re.compile(_ADDRESS)
# A word that cannot continue a venue: it starts an address, a person or a new clause.
_STOP_WORD = re.compile(rf"(?:{_ADDRESS}|{_PERSON}|{_CLAUSE})")
# After the venue, the address is read up to a person or clause (not up to an address word).
_TAIL_STOP = re.compile(rf"(?:{_PERSON}|{_CLAUSE})")
# A bracket that ends the venue rather than continuing it: "(ตามเวลาท้องถิ่น…)", "(28 ต.ค.)".
_PAREN_STOP = re.compile(r"\(\s*(?:\d|วัน|ตาม|เวลา|ที่|เมื่อ|ระหว่าง|ผ่าน|ออนไลน์|Zoom|zoom)")
# What follows ณ but is a time, a figure or an area rather than a place.
_NOT_A_PLACE = re.compile(
    r"(?:วันที่|วัน(?:จันทร์|อังคาร|พุธ|พฤหัส|ศุกร์|เสาร์|อาทิตย์)|เวลา|ปัจจุบัน|ขณะ|สิ้น|ตอน|ช่วง|ที่นี่|นี้|นั้น"
    rf"|\d|ระหว่าง|ครั้ง|โอกาส|ทั่ว|เดือน|ปี|สถานที่|พื้นที่\s?(?:{_ADDRESS}|บ้าน|หมู่|ชายแดน|ประสบ|ต่าง|ของ)|บัดนี้)"
    rf"|(?:{_ADDRESS})"
)
# A venue abroad keeps no inferred province ("กระทรวงเกษตรของสาธารณรัฐสมมติ").
_FOREIGN = re.compile(r"(?<!ต่าง)ประเทศ(?!ไทย)|สาธารณรัฐ|ราชอาณาจักร|สหรัฐ|สหพันธ|กรุง(?!เทพ)")
_ONLINE_ONLY = re.compile(r"(?:ระบบ|ออนไลน์|Zoom|zoom|ZOOM|Webex|MS Teams|Microsoft Teams|Facebook|เฟซบุ๊ก)")
_GLUED_STOP = re.compile(
    r"ดังกล่าว|ต่อไป|กำหนด|ทั้งหมด|เพิ่มขึ้น|ได้|ร่วมกับ|ซึ่ง|โดย|พร้อมด้วย|พร้อมทั้ง|พล(?:เอก|ตำรวจ|เรือ|อากาศ)"
)
# Glued tails cut off a venue without making the phrase doubtful: reported speech, a second, online
# channel, a closing "แล้ว" ("…กระทรวงคมนาคมว่า …", "…และในรูปแบบออนไลน์", "…โรงพยาบาลสมมติแล้ว").
_GLUED_TAIL = re.compile(r"(?:ว่า|แล้ว)(?=\s|$)|และ(?:ใน|ผ่าน)")
_LETTER = re.compile(r"[\u0e01-\u0e2eA-Za-z]")
_TAIL_REACH = 80  # chars after a venue where its address (and country) is written
_TRAILING_JUNK = re.compile(r"[\s\-–:(]+$|\s(?:และ|ของ|ณ)$")
_TAIL_WORDS = 6
# "นายสมมติ ประทีป ณ ถลาง": a given name glued to its honorific, a family name, then ณ.
_NAME_BEFORE_NA = re.compile(
    r"(?:นาย(?!ก)|นาง|นางสาว|น\.ส\.|ดร\.|หม่อม\S*|ม\.ร\.ว\.|ม\.ล\.|พล\.\S+|พลเอก|พลตำรวจ\S+)[\u0e01-\u0e4e]+\s[\u0e01-\u0e4e]+\s$"
)
# Words before a trigger that make its place a side note: a future event, the end of a route.
_ASIDE_BEFORE = re.compile(r"กำหนด(?:การ)?จัด|จะจัด|จะมีขึ้น|สิ้นสุด|ปลายทาง")
_ASIDE_REACH = 100
# "วันนี้ (8 ธ.ค. 63) ที่จ.เชียงราย": a dateline opening with a date, then "ที่" + the province.
_DATE_OPENER = re.compile(r"(?:เมื่อ|ใน)?วัน[^\n]{0,40}\d[^\n]{0,12}?\)?\s?")
# Words that begin like a venue head but are not places ("สภาพ" ≠ สภา, "วัดผล" ≠ วัด).
_NOT_A_VENUE_HEAD = re.compile(r"สภาพ|วัด(?:ผล|ระดับ|ค่า|ความ|ปริมาณ|อุณหภูมิ|ไข้|ขนาด)|สวนทาง|ตลาดแรงงาน")
# A word glued on: a consonant or a leading vowel ("…มหาดไทยให้ความสำคัญ", "…แรงงานเป็น…").
_GLUED_THAI_WORD = re.compile(r"[\u0e01-\u0e2e\u0e40-\u0e44]")
# "มทร.ล้านนา", "ม.อ.", "รพ.สต.บ้านสมมติ": an institution written as an abbreviation.
# ("กม. 34", "ม. 5" are measures and addresses: the abbreviation has a name glued on or 3+ letters.)
_ABBREVIATED_PLACE = re.compile(
    r"[\u0e01-\u0e2e][\u0e01-\u0e4e]{0,4}\.(?:[\u0e01-\u0e2e]{1,3}\.)*(?=[\u0e01-\u0e2e])"
    r"|[\u0e01-\u0e2e]{3,5}\."
)
_BANGKOK = "TH-10"
# Institutions named after their province, the name glued on ("มหาวิทยาลัยราชภัฏอุบลราชธานี",
# "โรงพยาบาลนครปฐม", "ท่าอากาศยานภูเก็ต"): they stand in that province.
_NAMED_FOR_PROVINCE = re.compile(
    "มหาวิทยาลัย(?:ราชภัฏ|ราชภัฎ)?|โรงพยาบาล|เรือนจำกลาง|ศูนย์ประชุมและแสดงสินค้านานาชาติ|ท่าอากาศยาน(?:นานาชาติ)?"
    "|สนามบิน|สถานีรถไฟ|วิทยาลัยเทคนิค|วิทยาลัยอาชีวศึกษา|วิทยาลัยพยาบาลบรมราชชนนี|โรงเรียน"
)


def _skip_spaces(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] == " ":
        pos += 1
    return pos


def _word_end(text: str, pos: int, end: int) -> int:
    space = text.find(" ", pos, end)
    return end if space < 0 else space


def _next_word(text: str, pos: int, end: int) -> int:
    """Start of the word after the one at ``pos`` (or ``end``)."""
    return _skip_spaces(text, _word_end(text, pos, end), end)


def _is_bangkok_at(text: str, pos: int) -> bool:
    """ "กรุงเทพฯ" / "กทม." after a venue is address; other bare province words may be part of a
    name ("โรงแรมสมมติ เชียงใหม่") and stay in the venue, which the scorer's substring match allows."""
    mention = bare_province_at(text, pos)
    return mention is not None and mention.province.code == _BANGKOK


def _venue_end(text: str, start: int, limit: int, max_words: int = _MAX_VENUE_WORDS) -> int:
    """Where the venue phrase starting at ``start`` ends: before the first word that cannot continue it.

    Returns -1 when the phrase runs past ``max_words`` words without a clear end.
    """
    pos, end, words = start, start, 0
    while pos < limit and pos - start < _MAX_VENUE_CHARS:
        if words >= max_words:
            return -1 if max_words < _MAX_VENUE_WORDS else end
        if text[pos] == "(":
            # A bracketed alias or part stays with the venue: "(ศพอส.)", "(ฝั่งวุฒิสภา)".
            close = text.find(")", pos, min(limit, pos + 60))
            if close < 0 or _PAREN_STOP.match(text, pos):
                break
            end = close + 1
            words += 1
            pos = _skip_spaces(text, end, limit)
            continue
        if end > start and (_STOP_WORD.match(text, pos) or _is_bangkok_at(text, pos)):
            title = TITLE_RE.match(text, pos)
            if title is None or not names_a_room(text, pos, title.group()):
                break
        end = _word_end(text, pos, limit)
        # Room numbers and ranges ("402 - 403") do not count as words.
        words += _LETTER.search(text, pos, end) is not None
        pos = _skip_spaces(text, end, limit)
    return end


def _trim(text: str, start: int, end: int) -> int:
    """Cut a glued clause word ("จุดบริการดังกล่าว…") and drop trailing spaces, dashes, conjunctions."""
    for glued_pattern in (_GLUED_STOP, _GLUED_TAIL):
        glued = glued_pattern.search(text, start, end)
        if glued is not None:
            end = glued.start()
    while end > start:
        m = _TRAILING_JUNK.search(text, start, end)
        if m is None:
            break
        end = m.start()
    return end


def _tail_province(text: str, end: int, limit: int) -> ProvinceMention | None:
    """The province of the address right after a venue ("อำเภอเมือง จังหวัดลำปาง", "กรุงเทพฯ")."""
    pos = end
    while pos < limit and text[pos] == " ":
        pos += 1
    for _ in range(_TAIL_WORDS):
        if pos >= limit or _TAIL_STOP.match(text, pos):
            return None
        mention = province_at(text, pos)
        if mention is not None:
            return mention
        word_end = text.find(" ", pos, limit)
        word_end = limit if word_end < 0 else word_end
        glued = prefixed_provinces_in(text, pos, word_end)  # "อำเภอเมืองจังหวัดลำปาง"
        if glued:
            return glued[0]
        pos = _next_word(text, pos, limit)
    return None


_HINT_BEFORE = re.compile(r"(?:ลงพื้นที่|ในพื้นที่|ที่|ณ|เยือน|ไปยัง|ไป)\s?$")


def _province_before(text: str, region_start: int, trigger: int) -> ProvinceMention | None:
    """ "ลงพื้นที่จังหวัดX ณ …": a province named just before the venue trigger."""
    window_start = max(region_start, trigger - 120)
    for mention in reversed(prefixed_provinces_in(text, window_start, trigger)):
        if _HINT_BEFORE.search(text, window_start, mention.start):
            return mention
    return None


def _venue_core(venue: str) -> str:
    """The building/place alone: what follows a leading room/floor part, without a trailing floor."""
    lexicon = venue_lexicon()
    core = venue
    if lexicon.room.match(venue):
        for m in lexicon.building.finditer(venue, 1):
            if _names_the_room(venue, m, lexicon):
                continue
            core = venue[m.start() :]
            break
    core = re.sub(r"\s*ชั้น\s?\d+$", "", core)
    core = re.sub(r"\s*\([^()]*\)$", "", core)
    return core.strip() or venue


def _names_the_room(venue: str, m: re.Match[str], lexicon: VenueLexicon) -> bool:
    """A known place glued to a room word and written again later is the room's name, not its
    building: "ห้องมิราเคิล แกรนด์ บอลรูม ชั้น 4 โรงแรมมิราเคิล แกรนด์ คอนเวนชั่น"."""
    name = m.group()
    return (
        name in lexicon.place_province
        and venue[m.start() - 1] != " "
        and name.replace(" ", "") in venue[m.end() :].replace(" ", "")
    )


class _Candidate:
    __slots__ = ("end", "province", "start", "strong", "trigger")

    def __init__(
        self, trigger: int, start: int, end: int, province: ProvinceMention | None, strong: bool = True
    ) -> None:
        self.trigger, self.start, self.end, self.province = trigger, start, end, province
        self.strong = strong


_AREA = re.compile(r"จังหวัด|จ\.|อำเภอ|อ\.|ตำบล|ต\.|เขต|แขวง|พื้นที่")


def _is_generic(lexicon: VenueLexicon, venue: str) -> bool:
    """A venue word with no name ("มหาวิทยาลัยฯ", "โรงแรม") names no place."""
    bare = venue.rstrip("ฯ. ")
    if bare in lexicon.place_province:
        return False
    return bool(lexicon.head.fullmatch(bare) or lexicon.building.fullmatch(bare))


def _phrase_limit(text: str, start: int, limit: int) -> int:
    """The first hard end (line end, slash, comma, quote) within reach of a venue phrase."""
    window = min(limit, start + _MAX_VENUE_CHARS + 80)
    hard = _HARD_END.search(text, start, window)
    return hard.start() if hard else window


def _area_candidate(text: str, trigger: int, start: int, limit: int, strong: bool) -> _Candidate | None:
    """ "ณ จังหวัดขอนแก่น", "ณ พื้นที่ อำเภอX จังหวัดY", "ณ กรุงเทพฯ": no venue, but a province.

    A bare province word right after ณ is a royal-lineage surname ("… ณ อยุธยา"), unless Bangkok.
    After a bare "ที่" only a named province counts ("วันนี้ (…) ที่จ.เชียงราย"): "ที่อำเภอ…" is as
    often a relative clause.
    """
    bare = bare_province_at(text, start)
    if bare is not None:
        return _Candidate(trigger, start, start, bare, strong) if bare.province.code == _BANGKOK else None
    if not strong:
        named = prefixed_province_at(text, start)
        return _Candidate(trigger, start, start, named, strong) if named is not None else None
    if not _AREA.match(text, start):
        return None
    mention = _tail_province(text, start, limit)
    return _Candidate(trigger, start, start, mention, strong) if mention is not None else None


def _starts_weak_venue(lexicon: VenueLexicon, text: str, start: int) -> bool:
    """After a bare "ที่": a known place standing as a word of its own, a venue head, a building word
    or an abbreviated institution ("มทร.ล้านนา"); the last two need an address after them."""
    place = lexicon.places.match(text, start)
    if place is not None and place.end() < len(text) and _GLUED_THAI_WORD.match(text, place.end()):
        return False  # "ที่กระทรวงแรงงานขอความร่วมมือ…": the ministry is a subject, not a place
    if _NOT_A_VENUE_HEAD.match(text, start):
        return False
    return bool(
        lexicon.head.match(text, start)
        or lexicon.building.match(text, start)
        or _AREA.match(text, start)
        or (_ABBREVIATED_PLACE.match(text, start) and not _STOP_WORD.match(text, start))
    )


def _candidate_at(text: str, trigger: int, start: int, limit: int, strong: bool) -> _Candidate | None:
    """The venue phrase starting at ``start`` (after a trigger), or only a province, or nothing."""
    if start >= limit:
        return None
    lexicon = venue_lexicon()
    if not strong and not _starts_weak_venue(lexicon, text, start):
        return None
    # After a bare "ที่" a building word ("ที่ศูนย์พักพิงสมมติ …", also "ที่กระทรวงฯ ได้…") is a venue
    # only when an address follows it.
    needs_address = not strong and not lexicon.head.match(text, start)
    phrase_limit = _phrase_limit(text, start, limit)
    if _NOT_A_PLACE.match(text, start) or bare_province_at(text, start):
        return _area_candidate(text, trigger, start, phrase_limit, strong)
    # After a bare "ที่" the phrase must end clearly and soon ("…ยินดีที่ตลาดส่งออกสดใส และ…").
    raw_end = _venue_end(text, start, phrase_limit, _MAX_VENUE_WORDS if strong else _MAX_WEAK_WORDS)
    if raw_end < 0 and not strong and lexicon.head.match(text, start):
        # "ที่โรงแรม โซฟิเทล กระบี่ โภคีธารา กอล์ฟ แอนด์ สปา รีสอร์ท ต.หนองทะเล": a long name after a
        # venue head still ends clearly when an address follows it.
        longer = _venue_end(text, start, phrase_limit)
        if longer > start and _ADDRESS_AT.match(text, _skip_spaces(text, longer, limit)):
            raw_end = longer
    if raw_end < 0 or (not strong and _GLUED_STOP.search(text, start, raw_end)):
        return None
    end = _trim(text, start, raw_end)
    if end - start < 3:
        return None
    if needs_address and not _ADDRESS_AT.match(text, _skip_spaces(text, end, limit)):
        return None
    if _is_generic(lexicon, text[start:end]):
        return None
    if _ONLINE_ONLY.match(text, start):
        return None
    return _Candidate(trigger, start, end, None, strong)


def _candidates(text: str, start: int, end: int) -> list[_Candidate]:
    """Venue candidates of one paragraph: ณ-triggered first, then ที่ + venue head, each in text
    order; a place the event is only announced for, or where a route ends, goes last."""
    found: list[_Candidate] = []
    for m in _TRIGGER_AT.finditer(text, start, end):
        if _is_surname_na(text, start, m.start(), m.end()):
            continue
        candidate = _candidate_at(text, m.start(), m.end(), end, strong=True)
        if candidate is not None:
            found.append(candidate)
    for m in _GLUED_NA.finditer(text, start, end):
        lexicon = venue_lexicon()
        if not (lexicon.head.match(text, m.end()) or lexicon.building.match(text, m.end())):
            continue
        candidate = _candidate_at(text, m.start(), m.end(), end, strong=True)
        if candidate is not None:
            found.append(candidate)
    for m in _THI.finditer(text, start, end):
        candidate = _candidate_at(text, m.start(), m.end(), end, strong=False)
        if candidate is None:
            continue
        # A province alone counts right after the dateline's date, at the start of its line (a lead
        # may run on from sub-headline lines in the same paragraph).
        line_start = max(start, text.rfind("\n", start, m.start()) + 1)
        if candidate.end > candidate.start or _DATE_OPENER.fullmatch(text, line_start, m.start()):
            found.append(candidate)
    found.sort(key=lambda c: c.trigger)
    aside: set[int] = set()
    since = start  # an aside word belongs to the first trigger after it
    for candidate in found:
        if _is_aside(text, since, candidate.trigger):
            aside.add(candidate.trigger)
        since = max(since, candidate.trigger + 1)
    found.sort(key=lambda c: (c.trigger in aside, not c.strong, c.trigger))
    return found


def _is_surname_na(text: str, para_start: int, trigger: int, after: int) -> bool:
    """ "นายสมมติ ประทีป ณ ถลาง": ณ inside a person's name (royal-lineage surnames)."""
    lexicon = venue_lexicon()
    if lexicon.head.match(text, after) or lexicon.building.match(text, after):
        return False
    return _NAME_BEFORE_NA.search(text, max(para_start, trigger - 60), trigger) is not None


def _is_aside(text: str, para_start: int, trigger: int) -> bool:
    """A place the release only announces ("ซึ่งกำหนดจัดขึ้นในวันที่ … ณ …") or where a route ends."""
    return _ASIDE_BEFORE.search(text, max(para_start, trigger - _ASIDE_REACH), trigger) is not None


def _visited_place(text: str, start: int, end: int) -> _Candidate | None:
    """ "ลงพื้นที่…ชุมชนสมมติ เขตบางรัก กรุงเทพฯ", "เข้าตรวจเยี่ยมสำนักงานสมมติ โดยมี…": the place
    visited, named with its address, or right after an inspection verb and ending clearly."""
    lexicon = venue_lexicon()
    for m in _VISIT.finditer(text, start, end):
        head = lexicon.head.search(text, m.end(), min(end, m.end() + 40))
        target = _skip_spaces(text, m.end(), end)
        # "ตรวจเยี่ยม การดำเนินงานของบริษัทสมมติ จำกัด ต.…": the operations inspected are at the place.
        operations = _OPERATIONS_OF.match(text, target)
        if operations is not None:
            target = _skip_spaces(text, operations.end(), end)
        inspected = (
            _INSPECT.fullmatch(m.group(0))
            and not _NOT_A_VENUE_HEAD.match(text, target)
            and (lexicon.head.match(text, target) or lexicon.building.match(text, target))
        )
        if inspected:
            head = inspected
        elif head is None or " " in text[m.end() : head.start()].strip():
            continue
        limit = _phrase_limit(text, head.start(), end)
        raw_end = _venue_end(text, head.start(), limit, _MAX_WEAK_WORDS)
        if raw_end < 0:
            continue
        # Without an address, the visited place is a short name followed by a new clause.
        short = _venue_end(text, head.start(), limit, _MAX_VISITED_WORDS) >= 0
        venue_end = _trim(text, head.start(), raw_end)
        if venue_end - head.start() < 3 or _is_generic(lexicon, text[head.start() : venue_end]):
            continue
        after = (
            _next_word(text, venue_end, limit) if venue_end < limit and text[venue_end] == " " else venue_end
        )
        if _ADDRESS_AT.match(text, after, limit) or (
            inspected
            and short
            and not _GLUED_STOP.search(text, head.start(), venue_end)
            and raw_end < limit
            and _STOP_WORD.match(text, _skip_spaces(text, raw_end, end))
        ):
            return _Candidate(m.start(), head.start(), venue_end, None, strong=False)
    return None


def _paragraphs(article: Article) -> Iterator[tuple[int, tuple[int, int]]]:
    """The lead, then the following paragraphs, each with its offset from the body start."""
    text = article.text
    yield 0, article.lead
    pos = article.lead[1] + 1
    while pos < len(text):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        if nl > pos:
            yield pos - article.body_start, (pos, nl)
        pos = nl + 1


def _resolve_province(
    text: str, candidate: _Candidate, venue: str, region: tuple[int, int]
) -> ProvinceMention | Province | None:
    if candidate.province is not None:
        return candidate.province
    tail = _tail_province(text, candidate.end, region[1])
    if tail is not None:
        return tail
    inside = prefixed_provinces_in(text, candidate.start, candidate.end)
    if inside:
        return inside[-1]
    district = bangkok_district_in(text, candidate.start, candidate.end)  # "สำนักงานเขตบางรัก"
    if district is not None:
        return district
    last_word = text.rfind(" ", candidate.start, candidate.end) + 1
    if last_word > candidate.start:
        named = bare_province_at(text, last_word)  # "โรงแรมสมมติ เชียงใหม่"
        if named is not None and named.end == candidate.end:
            return named
    named = _named_for_province(text, candidate.start, candidate.end)
    if named is not None:
        return named
    place = place_province_in(venue) or head_office_province_in(venue)
    if place is not None and not _FOREIGN.search(venue):
        return place[1]
    return _province_before(text, region[0], candidate.trigger)


def _named_for_province(text: str, start: int, end: int) -> ProvinceMention | None:
    """The province an institution inside the venue is named after (never Bangkok: "มหาวิทยาลัยกรุงเทพ"
    is in Pathum Thani, and "โรงพยาบาลกรุงเทพ…" is a chain)."""
    for institution in _NAMED_FOR_PROVINCE.finditer(text, start, end):
        named = bare_province_at(text, institution.end())
        if named is not None and named.end <= end and named.province.code != _BANGKOK:
            return named
    return None


def _choose(article: Article) -> tuple[_Candidate, tuple[int, int]] | None:
    """The first venue in reading order; when the lead only names the province ("… ณ พื้นที่
    จังหวัดX"), a later venue wins only if it follows the same event phrase as the lead's trigger."""
    text = article.text
    province_only: tuple[_Candidate, tuple[int, int]] | None = None
    event_key = ""
    for index, (depth, (start, end)) in enumerate(_paragraphs(article)):
        if depth > _BODY_WINDOW and not event_key:
            break
        found = _candidates(text, start, end)
        if index == 0:
            visited = _visited_place(text, start, end)
            if visited is not None:
                found.append(visited)
        for candidate in found:
            if candidate.end > candidate.start:
                if not event_key or event_key in text[max(start, candidate.trigger - 80) : candidate.trigger]:
                    return candidate, (start, end)
            elif province_only is None:
                province_only = (candidate, (start, end))
                if index == 0 and candidate.strong:
                    event_key = _event_key(text, start, candidate.trigger)
    return province_only


def _event_key(text: str, start: int, trigger: int) -> str:
    """The last words before a trigger ("…การประชุมคณะรัฐมนตรีนอกสถานที่ ครั้งที่ 1/2566")."""
    before = text[max(start, trigger - 40) : trigger].strip()
    space = before.find(" ")
    return before[space + 1 :] if 0 <= space < len(before) - 12 else before


@lru_cache(maxsize=1)
def _visited_province_pattern() -> re.Pattern[str]:
    """ "ลงพื้นที่ตรวจราชการ จ.X", "ติดตามสถานการณ์น้ำในพื้นที่จังหวัดX", "ลงพื้นที่X": where a visit went;
    "… (ตำบลน้ำแพร่) อำเภอหางดง จังหวัดX": the address of the place the lead tells."""
    return re.compile(
        rf"(?:{_VISIT_AREA})\S{{0,24}}?\s?(?:จังหวัด|จ\.)\s?(?P<named>{province_alternation()})"
        rf"|(?:ลงพื้นที่|ตรวจราชการ|เยือน)\s?(?P<bare>{province_alternation()})"
        rf"|(?:(?:ตำบล|ต\.)\S+\s?)?(?:อำเภอ|อ\.)\S+\s?(?:จังหวัด|จ\.)\s?(?P<address>{province_alternation()})"
    )


def _visited_province(article: Article) -> ProvinceMention | None:
    """The province a visit in the dateline paragraph or headline went to, when no venue names one."""
    text = article.text
    pattern = _visited_province_pattern()
    for start, end in locate_event_zone(article).main:
        for m in pattern.finditer(text, start, end):
            # "ในพื้นที่จังหวัดพะเยาและแพร่": a visit across several provinces names none of them.
            joiner = _LIST_JOINER.match(text, m.end(), end)
            if joiner is not None and province_at(text, joiner.end()):
                continue
            group = next(name for name in ("named", "bare", "address") if m.group(name))
            return ProvinceMention(province_of_surface(m.group(group)), m.start(group), m.end(group))
    return None


@lru_cache(maxsize=1)
def _governor_pattern() -> re.Pattern[str]:
    return re.compile(rf"ผู้ว่าราชการจังหวัด\s?(?P<named>{province_alternation()})")


def _governed_province(article: Article) -> ProvinceMention | None:
    """The province whose governor (or deputy) the headline or dateline paragraph names, when they
    name one only: a governor presides over, hosts or receives events in their own province."""
    text = article.text
    pattern = _governor_pattern()
    found = [m for start, end in locate_event_zone(article).main for m in pattern.finditer(text, start, end)]
    provinces = {province_of_surface(m.group("named")) for m in found}
    if len(provinces) != 1:
        return None
    first = found[0]
    return ProvinceMention(provinces.pop(), first.start("named"), first.end("named"))


def extract_venue(article: Article) -> Venue:
    """The named place of the main event, its core building and canonical province."""
    try:
        chosen = _choose(article)
    except (ValueError, IndexError):
        return Venue()
    if chosen is None:
        return _province_only(article)
    candidate, region = chosen
    text = article.text
    venue_found: Found[str] | None = None
    core: str | None = None
    venue_text = ""
    if candidate.end > candidate.start:
        venue_text = re.sub(r"\s+", " ", article.surface((candidate.start, candidate.end)))
        venue_found = Found(venue_text, (candidate.start, candidate.end))
        core = _venue_core(venue_text)
    province = _resolve_province(text, candidate, venue_text, region) or _visited_province(article)
    # A governor abroad ("ณ ศูนย์ประชุม… นครเวียงจันทน์ สปป.ลาว") leads a visit outside their province.
    if province is None and not _FOREIGN.search(
        text, candidate.start, min(region[1], candidate.end + _TAIL_REACH)
    ):
        province = _governed_province(article)
    if province is None:
        return Venue(venue=venue_found, venue_core=core)
    if isinstance(province, ProvinceMention):
        span = (province.start, province.end)
        province = province.province
    else:
        span = (candidate.start, candidate.end)
    return Venue(
        venue=venue_found,
        venue_core=core,
        province=Found(province.name, span),
        province_code=province.code,
    )


def _province_only(article: Article) -> Venue:
    """No venue at all: the province a visit went to, or whose governor the lead names."""
    mention = _visited_province(article) or _governed_province(article)
    if mention is None:
        return Venue()
    return Venue(
        province=Found(mention.province.name, (mention.start, mention.end)),
        province_code=mention.province.code,
    )
