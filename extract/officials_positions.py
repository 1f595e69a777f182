"""Positions written next to a name: where the title starts, where it ends, which agency it names.

A position starts with a head from ``positions.tsv`` (อธิบดี, ปลัดกระทรวง, ผู้ว่าราชการจังหวัด…),
optionally modified (รอง, ผู้ช่วย, รักษาการ, อดีต). It runs over space-separated chunks while each
chunk continues it (an agency word, a qualifier such as เขต/คนที่/ฝ่าย, "และ" + another head) and
stops at a verb, a new title or name, a bracketed acronym, or anything else.
"""

from __future__ import annotations

import re

from extract.gazetteers import load_tsv, trie_pattern
from extract.names import GIVEN_NAMES, THAI, TITLE_RE
from extract.names import WORD_RE as _WORD_RE

_POSITION_ROWS = load_tsv("positions")
_AGENCY_ROWS = load_tsv("agencies")
_PRIVATE_HEADS = frozenset(r["head"] for r in _POSITION_ROWS if r["public"] == "no")
_OFFICE_HEADS = frozenset(r["head"] for r in _POSITION_ROWS if r["kind"] == "provincial_office")
# Words for kinds of staff: a person's position may start with one, but after "และ" they name
# other, unnamed people ("… และเจ้าหน้าที่ศูนย์").
_GROUP_HEADS = frozenset(r["head"] for r in _POSITION_ROWS if r["kind"] in ("staff", "private"))

_MODIFIERS = ["รอง", "ผู้ช่วย", "รักษาการ", "รักษาราชการแทน", "ผู้รักษาราชการแทน", "อดีต", "ว่าที่"]
_MODIFIER = "(?:รอง|ผู้ช่วย|รักษาการ(?:ใน)?(?:ตำแหน่ง)?|รักษาราชการแทน|ผู้รักษาราชการแทน|อดีต|ว่าที่)"
_BASE_HEAD = f"(?P<base>{trie_pattern([r['head'] for r in _POSITION_ROWS])})"
# "<field>จังหวัด<province>" heads of provincial offices not listed one by one (ประมงจังหวัด…).
_OFFICE_HEAD = f"(?P<office>[{THAI}]{{2,30}}?(?:จังหวัด|อำเภอ))"
HEAD_RE = re.compile(f"(?:{_MODIFIER}\\s?)*(?:{_BASE_HEAD}|{_OFFICE_HEAD})")
# Listed heads only: cheap enough to scan a whole text with (the office pattern is not).
BASE_HEAD_RE = re.compile(f"(?:{_MODIFIER}\\s?)*{_BASE_HEAD}")
# A space then a head or modifier: a literal first character lets the regex engine skip ahead fast.
SPACE_HEAD_RE = re.compile(" " + trie_pattern([r["head"] for r in _POSITION_ROWS] + _MODIFIERS))

# Verbs and links that end a position even when glued to it ("…ขอนแก่นเป็นประธาน").
_CUT_RE = re.compile(
    trie_pattern(
        [
            "เป็นประธาน",
            "เป็นผู้",
            "เป็นเกียรติ",
            "กล่าว",
            "เปิดเผย",
            "เผยว่า",
            "ระบุว่า",
            "พร้อมด้วย",
            "พร้อมคณะ",
            "พร้อมทั้ง",
            "ได้",
            "ร่วมกับ",
            "ร่วมเป็น",
            "ร่วมงาน",
            "ร่วมพิธี",
            "ร่วมประชุม",
            "ร่วมกิจกรรม",
            "ร่วมแถลง",
            "ร่วมลงนาม",
            "ร่วมหารือ",
            "ร่วมยินดี",
            "ร่วมรับ",
            "ร่วมต้อนรับ",
            "ร่วมเดินทาง",
            "ร่วมด้วย",
            "ร่วมให้",
            "ร่วมมอบ",
            "ร่วมชม",
            "เข้าร่วม",
            "ลงพื้นที่",
            "ลงนาม",
            "เดินทาง",
            "ตรวจเยี่ยม",
            "ให้การ",
            "ในฐานะ",
            "นำคณะ",
            "มอบหมาย",
            "และคณะ",
            "และผู้บริหาร",
            "ซึ่ง",
            "ชี้แจง",
            "แถลง",
            "เน้นย้ำ",
            "ยืนยัน",
            "ให้สัมภาษณ์",
            "เรียกร้อง",
            "เชิญชวน",
            "มอบนโยบาย",
            "เผย",
        ]
    )
)
# Chunks that continue a position after a space: agencies, units, qualifiers.
_CONTINUE_RE = re.compile(
    trie_pattern(
        [
            "กระทรวง",
            "กรม",
            "สำนักงาน",
            "สำนัก",
            "สานักงาน",
            "สถาบัน",
            "ศูนย์",
            "กอง",
            "องค์การ",
            "องค์กร",
            "มหาวิทยาลัย",
            "ม.",
            "คณะ",
            "โรงพยาบาล",
            "โรงเรียน",
            "วิทยาลัย",
            "สภา",
            "สมาคม",
            "มูลนิธิ",
            "บริษัท",
            "ธนาคาร",
            "การไฟฟ้า",
            "การประปา",
            "การท่องเที่ยว",
            "การกีฬา",
            "การรถไฟ",
            "การเคหะ",
            "การนิคม",
            "เขต",
            "คนที่",
            "ฝ่าย",
            "ด้าน",
            "ประจำ",
            "จังหวัด",
            "อำเภอ",
            "ตำบล",
            "ภาค",
            "ภูมิภาค",
            "แห่ง",
            "สาขา",
            "หน่วย",
            "กลุ่ม",
            "ชุดที่",
            "กองทัพ",
            "กองบัญชาการ",
            "ตำรวจ",
            "สถานี",
            "เทศบาล",
            "จำกัด",
            "รักษาการ",
            "รักษาราชการแทน",
            "ผู้รักษาราชการแทน",
            "ปฏิบัติหน้าที่",
            "ปฏิบัติราชการแทน",
            "อดีต",
            "นักบริหาร",
            "ระดับ",
            "สายงาน",
            "จ.",
            "พระบรม",
        ]
    )
)
# After these a chunk is taken whatever it is (a company or agency name); numbers only follow
# ordinal/area words (คนที่ 1, เขตสุขภาพที่ 8, เขต 2).
_OPEN_END_RE = re.compile("(?:บริษัท|ของ|แห่ง|ประจำ|จังหวัด|อำเภอ|ม\\.|แทน|รักษาการ|ในตำแหน่ง)$")
_NUMBERED_END_RE = re.compile("(?:ที่|เขต|ภาค)$")
_ACRONYM_RE = re.compile(r"(?:[ก-ฮ]{1,4}\.){1,4}(?:[ก-ฮ]{1,4})?|[A-Z]{2,8}")
_NUMBER_RE = re.compile(r"\d+(?:/\d+)?")
# Agency names that contain spaces, so a chunk boundary inside them is not a position boundary.
_SPACED_AGENCIES = [r["full_name"] for r in _AGENCY_ROWS if " " in r["full_name"]]
_SPACED_AGENCY_RE = re.compile(trie_pattern(_SPACED_AGENCIES))
_SPACED_AGENCY_START_RE = re.compile(trie_pattern({name.split(" ")[0] for name in _SPACED_AGENCIES}))
_CHUNK_RE = re.compile(r"[^ \n,“”\"(]*")
_ACRONYM_AGENCY: dict[str, str] = {}
for _row in _AGENCY_ROWS:
    _ACRONYM_AGENCY[_row["acronym"]] = (
        "" if _row["acronym"] in _ACRONYM_AGENCY else _row["full_name"]  # listed twice: ambiguous
    )
_ORGANISATION_RE = re.compile(
    trie_pattern(
        [
            "กระทรวง",
            "กรม",
            "สำนักงาน",
            "สำนัก",
            "สถาบัน",
            "ศูนย์",
            "องค์การ",
            "มหาวิทยาลัย",
            "โรงพยาบาล",
            "โรงเรียน",
            "วิทยาลัย",
            "สภา",
            "สมาคม",
            "มูลนิธิ",
            "บริษัท",
            "ธนาคาร",
            "การไฟฟ้า",
            "การประปา",
            "การท่องเที่ยว",
            "การกีฬา",
            "การรถไฟ",
            "การเคหะ",
            "การนิคม",
            "กองทัพ",
            "กองบัญชาการ",
            "เทศบาล",
            "องค์กร",
            "จังหวัด",
            "อำเภอ",
        ]
    )
)
_MAX_POSITION = 220


def head_at(text: str, pos: int) -> re.Match[str] | None:
    """The position head starting exactly at ``pos``, if any."""
    return HEAD_RE.match(text, pos)


def specific_head_at(text: str, pos: int) -> re.Match[str] | None:
    """A listed head naming one post (not a group word such as เจ้าหน้าที่ or ผู้แทน) at ``pos``."""
    head = HEAD_RE.match(text, pos)
    if head is None or head.group("base") is None or head.group("base") in _GROUP_HEADS:
        return None
    return head


def _chunk_end(text: str, pos: int) -> int:
    """End of the space-delimited chunk at ``pos`` (brackets, quotes and commas also end it)."""
    end = _CHUNK_RE.match(text, pos).end()  # type: ignore[union-attr]  # the pattern matches ""
    agency = _SPACED_AGENCY_START_RE.search(text, pos, end)
    if agency is not None:
        spaced = _SPACED_AGENCY_RE.match(text, agency.start())
        if spaced is not None and spaced.end() > end:
            return spaced.end()
    return end


def _cut_inside(text: str, start: int, end: int) -> int:
    """Where a verb or a next person glued inside [start, end) ends the position."""
    cut = _CUT_RE.search(text, start, end)
    if cut is not None and cut.start() > start:
        end = cut.start()
    for title in TITLE_RE.finditer(text, start + 1, end):
        given = _WORD_RE.match(text, title.end())
        if given and given.group() in GIVEN_NAMES:
            return title.start()
    return end


def _continues(text: str, pos: int, previous: str) -> int:
    """End of the chunk at ``pos`` if it continues the position, else -1."""
    if TITLE_RE.match(text, pos) and not head_at(text, pos):
        return -1
    if text.startswith("(", pos):
        close = text.find(")", pos, pos + 60)
        if close < 0:
            return -1
        inner = text[pos + 1 : close].strip()
        # A bracketed acronym ("(สธ.)", "(ปลัด พม.)") closes the position it abbreviates.
        if "." in inner or _ACRONYM_RE.fullmatch(inner) or not _CONTINUE_RE.match(inner):
            return -1
        return close + 1
    end = _chunk_end(text, pos)
    chunk = text[pos:end]
    if not chunk:
        return -1
    if chunk.startswith("และ") and len(chunk) > 3:
        return end if specific_head_at(text, pos + 3) else -1
    if _NUMBER_RE.fullmatch(chunk):
        return end if _NUMBERED_END_RE.search(previous) else -1
    if _CONTINUE_RE.match(chunk):
        return end
    if _OPEN_END_RE.search(previous) and not _CUT_RE.match(chunk):
        return end
    if _ACRONYM_RE.fullmatch(chunk) and chunk in _ACRONYM_AGENCY:
        return end
    return -1


def position_after(text: str, pos: int) -> tuple[int, int] | None:
    """Span of the position that starts at ``pos`` (after the name and a space), if there is one."""
    head = head_at(text, pos)
    if head is None:
        return None
    if head.group("office") and _starts_with_verb(text[pos : head.end()]):
        return None
    end = _cut_inside(text, head.end(), _chunk_end(text, pos))
    if end < _chunk_end(text, pos):
        return (pos, end)
    limit = pos + _MAX_POSITION
    while end < limit and text.startswith(" ", end):
        if text.startswith(" และ ", end):
            if specific_head_at(text, end + 5) is None:
                break
            end = _cut_inside(text, end + 5, _chunk_end(text, end + 5))
            continue
        nxt = _continues(text, end + 1, text[max(pos, end - 12) : end])
        if nxt < 0:
            break
        cut = _cut_inside(text, end + 1, nxt)
        end = cut
        if cut < nxt:
            break
    return (pos, end)


def _starts_with_verb(head: str) -> bool:
    return _CUT_RE.match(head) is not None or head.startswith(("ที่", "ใน", "จาก", "ไป", "มา", "ทั้ง"))


def organisation_of(position: str) -> str:
    """The agency a position names (full form where an acronym resolves), or ""."""
    head = HEAD_RE.match(position)
    if head is not None and (head.group("office") or head.group("base") in _OFFICE_HEADS):
        # พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดลำปาง heads สำนักงาน…จังหวัดลำปาง.
        return "สำนักงาน" + position.split(" ")[0]
    for acronym in _ACRONYM_RE.finditer(position):
        full = _ACRONYM_AGENCY.get(acronym.group())
        if full:
            return full
    # Search inside the head too: "ผู้ว่าราชการจังหวัด" ends with the agency word it governs.
    found = _ORGANISATION_RE.search(position, head.start("base") + 1 if head and head.group("base") else 0)
    if found is None:
        return ""
    return position[found.start() : _chunk_end(position, found.start())]


def is_public_position(position: str) -> bool:
    """False for no position or a private/civil-society role (company, association, foundation)."""
    if not position:
        return False
    head = HEAD_RE.match(position)
    if head is not None and head.group("base") in _PRIVATE_HEADS:
        return False
    return not re.search("บริษัท|จำกัด|ห้างหุ้นส่วน|สมาคม|มูลนิธิ|ชมรม", position)
