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
from extract.provinces import bare_province_at

_POSITION_ROWS = load_tsv("positions")
_AGENCY_ROWS = load_tsv("agencies")
_PRIVATE_HEADS = frozenset(r["head"] for r in _POSITION_ROWS if r["public"] == "no")
_OFFICE_HEADS = frozenset(r["head"] for r in _POSITION_ROWS if r["kind"] == "provincial_office")
# Words for kinds of staff: a person's position may start with one, but after "และ" they name
# other, unnamed people ("… และเจ้าหน้าที่ศูนย์").
_GROUP_HEADS = frozenset(r["head"] for r in _POSITION_ROWS if r["kind"] in ("staff", "private"))

_MODIFIERS = ["รอง", "ผู้ช่วย", "รักษาการ", "รักษาราชการแทน", "ผู้รักษาราชการแทน", "อดีต", "ว่าที่"]
# "เเทน" (two sara e for แ) is a common typing slip on ministry sites.
_MODIFIER = "(?:รอง|ผู้ช่วย|รักษาการ(?:ใน)?(?:ตำแหน่ง)?|(?:ผู้)?รักษาราชการ(?:แทน|เเทน)|อดีต|ว่าที่)"
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
            "เป็นเจ้าภาพ",
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
            "ร่วมใน",
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
            "นำทีม",
            "เพื่อให้",
            "เพื่อเป็น",
            "เพื่อร่วม",
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
            "มีนโยบาย",
            "ที่มีนโยบาย",
            "มีข้อสั่งการ",
            "สั่งการ",
            "มอบโอวาท",
            "มอบรางวัล",
            "มอบเงิน",
            "มอบเกียรติบัตร",
            "เผย",
        ]
    )
)
# Words that open an agency or territorial unit's name ("กรม…", "มหาวิทยาลัย…", "จังหวัด…").
_AGENCY_HEADS = (
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
)
# Chunks that continue a position after a space: agencies, units, qualifiers.
_CONTINUE_RE = re.compile(
    trie_pattern(
        [
            *_AGENCY_HEADS,
            "สานักงาน",
            "กอง",
            "ม.",
            "คณะ",
            "เขต",
            "คนที่",
            "ฝ่าย",
            "ด้าน",
            "ประจำ",
            "ตำบล",
            "บ้าน",
            "หมู่ที่",
            "ภาค",
            "ภูมิภาค",
            "แห่ง",
            "สาขา",
            "หน่วย",
            "กลุ่ม",
            "ชุดที่",
            "ตำรวจ",
            "สถานเอกอัครราชทูต",
            "สถานกงสุล",
            "สถานี",
            "จำกัด",
            "รักษาการ",
            "รักษาราชการแทน",
            "รักษาราชการเเทน",
            "ผู้รักษาราชการแทน",
            "ปฏิบัติหน้าที่",
            "ปฎิบัติหน้าที่",
            "ปฏิบัติราชการแทน",
            "อดีต",
            "นักบริหาร",
            "ระดับ",
            "สายงาน",
            "จ.",
            "พระบรม",
            "เจ้าอาวาส",
            "วรวิหาร",
            "ราชวรวิหาร",
            "วรมหาวิหาร",
            "ราชวรมหาวิหาร",
            "พระอารามหลวง",
        ]
    )
)
# After these a chunk is taken whatever it is (a company or agency name); numbers only follow
# ordinal/area words (คนที่ 1, เขตสุขภาพที่ 8, เขต 2).
# "และ" glued before a word for a group of other people ends a position ("…อัมพวาและผู้นำชุมชน").
_GLUED_GROUP_RE = re.compile(
    "และ(?:ผู้นำ|ผู้บริหาร|ผู้เกี่ยวข้อง|เจ้าหน้าที่|บุคลากร|ข้าราชการ|ประชาชน|ภริยา|ทีม|คณะ|ส่วนราชการ|หน่วยงาน|ชาว)"
)
# After a space, a group of people follows the post rather than continuing it ("คณะผู้บริหาร",
# "คณะทูตานุทูต"); a faculty or committee (คณะแพทยศาสตร์, คณะกรรมการ…) continues it.
_GROUP_OF_PEOPLE_RE = re.compile("คณะ(?:ผู้|ทูต|ศิษย์|ศิษยานุศิษย์|รัฐมนตรี|ข้าราชการ|เจ้าหน้าที่|ทำงานของ|ที่ปรึกษา)")
# An envoy's post names the city it is posted to ("เอกอัครราชทูต ณ กรุงฮานอย", "กงสุลใหญ่ ณ เมืองดูไบ");
# after other posts "ณ" says where something happened.
_ENVOY_RE = re.compile("ทูต|กงสุล|ผู้แทนถาวร|ในต่างประเทศ")
_POSTED_TO_RE = re.compile("ณ (?:กรุง|นคร|เมือง|รัฐ|ประเทศ|สาธารณรัฐ|ราชอาณาจักร)")
# An acting or assigned post after a bracketed acronym continues the person's post.
_ACTING_RE = re.compile("(?:ผู้)?รักษาราชการ(?:แทน|เเทน)|รักษาการ|ปฏิบัติหน้าที่|ปฎิบัติหน้าที่|ปฏิบัติราชการแทน")
# An international body's country office is named after the country ("องค์การยูนิเซฟ ประเทศไทย").
_INTERNATIONAL_BODY_RE = re.compile("องค์การ(?!บริหารส่วน)|ยูนิเซฟ|สหประชาชาติ|UNICEF|UNDP|WHO|ILO|FAO")
# A member of parliament's post ends with the party ("… เขต 3 พรรคภูมิใจไทย").
_MEMBER_OF_PARLIAMENT_RE = re.compile("ส\\.ส\\.|สส\\.|สมาชิกสภาผู้แทนราษฎร|^ส\\.ว\\.|สมาชิกวุฒิสภา")
# Bracketed notes on a photo or a quote, not part of a post ("(ที่ 2 จากซ้าย)", "(คนกลาง)").
_THAI_LETTER_RE = re.compile(f"[{THAI}]")
_PHOTO_NOTE_RE = re.compile("ซ้าย|ขวา|กลาง|แถว|ภาพ|\\d")
_MINISTRY_RE = re.compile(f"กระทรวง[{THAI}]{{2,}}")
_OPEN_END_RE = re.compile("(?:บริษัท|ของ|แห่ง|ประจำ|จังหวัด|อำเภอ|ม\\.|แทน|รักษาการ|ในตำแหน่ง)$")
_NUMBERED_END_RE = re.compile("(?:ที่|เขต|ภาค)$")
_ACRONYM_RE = re.compile(r"(?:[ก-ฮ]{1,4}\.){1,4}(?:[ก-ฮ]{1,4})?|[A-Z]{2,8}")
# An abbreviated organisation after a space continues a bare head ("อธิการบดี มทร.ล้านนา", "โฆษก
# ศบ.ทก."): two or more dotted parts, or one dotted part glued to a place name. Dates are not.
_ABBREVIATED_ORGANISATION_RE = re.compile(f"(?:[ก-ฮ]{{1,5}}\\.){{2,4}}|[ก-ฮ]{{2,5}}\\.[{THAI}]{{3,}}")
_DATE_ABBREVIATION_RE = re.compile(
    r"(?:ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค|พ\.ศ|ค\.ศ)\."
)
_NUMBER_RE = re.compile(r"\d+(?:/\d+)?")
_GRADE_RE = re.compile(r"[ก-ฮ]{1,3} ?\d{1,2}")
# Agency names that contain spaces, so a chunk boundary inside them is not a position boundary.
_SPACED_AGENCIES = [r["full_name"] for r in _AGENCY_ROWS if " " in r["full_name"]]
# A minister's title drops the word กระทรวง: "รมว.การอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม".
_SPACED_AGENCIES += [name.removeprefix("กระทรวง") for name in _SPACED_AGENCIES if name.startswith("กระทรวง")]
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
            *_AGENCY_HEADS,
        ]
    )
)
_MAX_POSITION = 220
# A relative clause glued to an abbreviated post ("รอง นรม.ที่มอบหมาย…"): no post goes on that way.
_CLAUSE_AFTER_ABBREVIATION_RE = re.compile(r"(?<=\.)(?:ที่|ซึ่ง)")
# Heads that name kinds of people rather than one post: after a complete post they list other,
# unnamed people ("… ผู้ว่าราชการจังหวัดลำปาง เจ้าหน้าที่ เกษตรกร").
_PEOPLE_NOUN_HEADS = frozenset(
    r["head"]
    for r in _POSITION_ROWS
    if r["kind"] in ("staff", "private")
    and not r["head"].startswith(("ประธาน", "นายก", "อุปนายก", "กรรมการ", "อนุกรรมการ", "ที่ปรึกษา", "ผู้จัดการ"))
    and r["head"] not in ("ผู้ก่อตั้ง", "ศิลปินแห่งชาติ", "ผู้แทนการค้าไทย")
)
# A second post after a space that is a ceremony role or a group of people, not the person's own
# post: "ประธานในพิธี", "ประธานฝ่ายฆราวาส", "หัวหน้าส่วนราชการ", "อธิบดีทุกกรม".
# A body ("คณะที่ปรึกษา…") and the heads of one office across a group of provinces
# ("วัฒนธรรมจังหวัดกลุ่มจังหวัดภาคใต้…") are several people too.
_NOT_SECOND_POST_RE = re.compile(
    "ประธาน(?:ใน|ฝ่าย|พิธี|เปิด|การ|กล่าว|ถวาย|มอบ|ร่วม)|หัวหน้า(?:ส่วน|หน่วย|ทีม)|ผู้บริหาร|[^ ]*(?:ทุก|ทั่ว)"
    "|คณะ|[^ ]*จังหวัดกลุ่มจังหวัด"
)
_MAX_FURTHER_POSTS = 3
# Words that go on a list of attendees after a post ("… และประชาชน", "… ข้าราชการ ผู้นำชุมชน").
_LIST_GOES_ON_RE = re.compile(
    "และ|หรือ|รวมถึง|ตลอดจน|ข้าราชการ|ประชาชน|ภาคี|ผู้นำ|ผู้บริหาร|ทหาร|ตำรวจ|กำนัน|ผู้ใหญ่บ้าน|นักเรียน|"
    "นักศึกษา|สมาชิก|พุทธศาสนิกชน|จิตอาสา|คณะ|ส่วนราชการ|หน่วยงาน|ภาคเอกชน|แขก|อสม|บุคลากร|ผู้เกี่ยวข้อง|"
    "ผู้ประกอบการ|เครือข่าย|ชาว|ๆ|\\d"
)


def head_at(text: str, pos: int) -> re.Match[str] | None:
    """The position head starting exactly at ``pos``, if any."""
    return HEAD_RE.match(text, pos)


def private_head_at(text: str, pos: int) -> bool:
    """Whether a civil-society role (a volunteer, a farmer, a community leader) starts at ``pos``."""
    head = HEAD_RE.match(text, pos)
    return head is not None and head.group("base") in _PRIVATE_HEADS


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
    """Where a verb, a group of other people or a next person glued inside [start, end) ends it."""
    cut = _CUT_RE.search(text, start, end)
    if cut is not None:
        end = cut.start()
    clause = _CLAUSE_AFTER_ABBREVIATION_RE.search(text, start, end)
    if clause is not None:
        end = clause.start()
    group = _GLUED_GROUP_RE.search(text, start, end)
    if group is not None and group.start() > start:
        end = group.start()
    for title in TITLE_RE.finditer(text, start + 1, end):
        given = _WORD_RE.match(text, title.end())
        if given and given.group() in GIVEN_NAMES:
            return title.start()
    return end


def _other_ministry(position: str, chunk: str) -> bool:
    """A chunk naming a ministry other than the one the position already names starts a new phrase."""
    named = _MINISTRY_RE.search(position)
    return named is not None and not chunk.startswith(named.group())


def _continues(text: str, pos: int, position: str) -> int:
    """End of the chunk at ``pos`` if it continues ``position`` (the text so far), else -1."""
    if TITLE_RE.match(text, pos) and not head_at(text, pos):
        return -1
    if text.startswith("(", pos):
        close = text.find(")", pos, pos + 60)
        if close < 0:
            return -1
        inner = text[pos + 1 : close].strip()
        # A bracketed acronym ("(สธ.)", "(ปลัด พม.)") closes the position it abbreviates.
        if _GRADE_RE.fullmatch(inner):
            return close + 1  # a police/civil-service grade ("(สบ 8)") sits inside the post
        if _CONTINUE_RE.match(inner) and "." not in inner and not _ACRONYM_RE.fullmatch(inner):
            return close + 1
        # A bracket also sits inside a post the text goes on with: a qualifier ("รองผู้ว่าการ
        # (วิศวกรรมและก่อสร้าง) การรถไฟ…") or an acronym before a second post ("(ทีดีอาร์ไอ) และ…").
        if _PHOTO_NOTE_RE.search(inner) or TITLE_RE.match(inner) or not text.startswith(" ", close + 1):
            return -1
        after = close + 2
        if _ACTING_RE.match(text, after):
            return close + 1  # "… (สศร.) รักษาราชการแทนผู้อำนวยการ…": the post goes on past the acronym
        if text.startswith("และ", after):
            joined = after + 3 + text.startswith(" ", after + 3)
            return close + 1 if specific_head_at(text, joined) else -1
        if not _THAI_LETTER_RE.search(inner) or "." in inner or _ACRONYM_RE.fullmatch(inner):
            return -1
        if TITLE_RE.match(text, after):
            return -1
        return close + 1 if _continues(text, after, position + text[pos : close + 1]) > 0 else -1
    if _POSTED_TO_RE.match(text, pos) and _ENVOY_RE.search(position):
        return _chunk_end(text, pos + 2)
    end = _chunk_end(text, pos)
    chunk = text[pos:end]
    if not chunk:
        return -1
    if chunk.startswith("ประจำปี"):
        return -1  # "ศิลปินแห่งชาติ … ประจำปี 2560": the year of an award, not a post
    if chunk.startswith("พรรค") and _MEMBER_OF_PARLIAMENT_RE.search(position):
        return end
    if chunk.startswith("ประเทศ") and _POSTED_TO_RE.search(position):
        return end  # "ณ กรุงแคนเบอร์รา ประเทศออสเตรเลีย"
    if position.endswith((".", "ฯ")):
        province = bare_province_at(text, pos)
        if province is not None and province.end == end:
            # "นายก อบจ. สุโขทัย", "ส.ส. สุโขทัย พรรค…", "ผู้ว่าฯ เชียงใหม่": an abbreviated post
            # names its province after a space
            return end
    if chunk == "ประเทศไทย" and _INTERNATIONAL_BODY_RE.search(position):
        return end  # "ผู้แทนองค์การยูนิเซฟ ประเทศไทย": the body's office in Thailand
    if chunk.startswith("และ") and len(chunk) > 3:
        return end if specific_head_at(text, pos + 3) else -1
    if _NUMBER_RE.fullmatch(chunk):
        return end if _NUMBERED_END_RE.search(position) else -1
    if _GROUP_OF_PEOPLE_RE.match(chunk) or (chunk.startswith("คณะ") and specific_head_at(text, pos + 3)):
        return -1
    if chunk.startswith("กระทรวง") and _other_ministry(position, chunk):
        return -1
    if _CONTINUE_RE.match(chunk):
        return end
    if _OPEN_END_RE.search(position) and not _CUT_RE.match(chunk):
        return end
    if _ACRONYM_RE.fullmatch(chunk) and chunk in _ACRONYM_AGENCY:
        return end
    if _ABBREVIATED_ORGANISATION_RE.fullmatch(chunk) and not _DATE_ABBREVIATION_RE.match(chunk):
        return end
    return -1


def _next_chunk_start(text: str, end: int) -> int:
    """Start of the chunk that may continue a position ending at ``end``, or -1.

    A space separates chunks; a line break only carries a bracketed qualifier that a site's layout
    pushed onto the next line ("โฆษกกระทรวงแรงงาน⏎(ฝ่ายการเมือง)").
    """
    if text.startswith(" ", end):
        return end + 1
    if text.startswith("\n(", end):
        return end + 1
    return -1


def position_after(text: str, pos: int, *, chain: bool = True) -> tuple[int, int] | None:
    """Span of the position that starts at ``pos`` (after the name and a space), if there is one.

    With ``chain`` the span takes in further posts of the same person written after it.
    """
    head = head_at(text, pos)
    if head is None:
        return None
    if head.group("office") and _starts_with_verb(text[pos : head.end()]):
        return None
    # A head may span a space ("รักษาราชการแทน นายแพทย์ใหญ่"): its chunk is the one it ends in.
    first_chunk_end = max(_chunk_end(text, pos), _chunk_end(text, head.end()))
    end = _cut_inside(text, head.end(), first_chunk_end)
    if end < first_chunk_end:
        return (pos, end)
    limit = pos + _MAX_POSITION
    while end < limit:
        if text.startswith(" และ ", end) or (text.endswith("และ", pos, end) and text.startswith(" ", end)):
            # "… และ รมว.…" / "รองนายกรัฐมนตรีและ รมว.…": a second post joined across a space.
            second = end + 5 if text.startswith(" และ ", end) else end + 1
            if specific_head_at(text, second) is None:
                break
            end = _cut_inside(text, second, _chunk_end(text, second))
            continue
        start = _next_chunk_start(text, end)
        if start < 0:
            break
        nxt = _continues(text, start, text[pos:end])
        if nxt < 0:
            further = _further_posts(text, start, text[pos:end]) if chain else -1
            if further > 0:
                end = further
            break
        cut = _cut_inside(text, start, nxt)
        if cut <= start:
            break
        end = cut
        if cut < nxt:
            break
    if text.endswith("และ", pos, end):
        end -= 3  # a dangling "และ" joins the next phrase, not the post
    return (pos, end)


def _further_posts(text: str, pos: int, position: str) -> int:
    """End of further posts the same person holds, written after a space ("ประธานกฎบัตรสุขภาพ
    ประธานมูลนิธิ…", "รองปลัดกระทรวงมหาดไทย หัวหน้ากลุ่มภารกิจ…"), or -1.

    A run of posts after a name is also how releases list other, unnamed people ("ผู้ว่าราชการ
    จังหวัดลำปาง รองผู้ว่าราชการจังหวัด หัวหน้าส่วนราชการ และประชาชน"), so the run counts only when
    each post names one post of a rank not yet held, the sentence moves on after the last (a name,
    a verb, a bracket, the line's end), and a run of several posts joins none with "และ".
    """
    first = HEAD_RE.match(position)
    bases = {first.group("base") if first else None}
    ends: list[int] = []
    joined = False
    while len(ends) < _MAX_FURTHER_POSTS:
        head = head_at(text, pos)
        base = head.group("base") if head else None
        if base is None or base in bases or base in _PEOPLE_NOUN_HEADS:
            return -1
        if _NOT_SECOND_POST_RE.match(text, pos):
            return -1
        post = position_after(text, pos, chain=False)
        if post is None or post[1] <= head.end() or text[post[1] - 1] == "ฯ":
            return -1
        bases.add(base)
        ends.append(post[1])
        joined = joined or "และ" in text[head.end() : post[1]]
        if _sentence_moves_on(text, post[1]):
            return -1 if joined and len(ends) > 1 else post[1]
        if not text.startswith(" ", post[1]):
            return -1
        pos = post[1] + 1
    return -1


def _sentence_moves_on(text: str, end: int) -> bool:
    """After ``end`` comes no further post or list item: a name, a verb, a bracket or a line end."""
    if end >= len(text) or text[end] in "\n(,":
        return True
    if _CUT_RE.match(text, end):
        return True
    if text[end] != " ":
        return False
    return not (_LIST_GOES_ON_RE.match(text, end + 1) or head_at(text, end + 1))


def _starts_with_verb(head: str) -> bool:
    return _CUT_RE.match(head) is not None or head.startswith(("ที่", "ใน", "จาก", "ไป", "มา", "ทั้ง"))


def _first_post(position: str) -> str:
    """The first of the posts a position chains ("องคมนตรี ประธานมูลนิธิ…" -> "องคมนตรี"): the
    person's agency and standing come from the post written first."""
    first = position_after(position, 0, chain=False)
    return position[: first[1]] if first is not None and first[1] > 0 else position


def organisation_of(position: str) -> str:
    """The agency a position names (full form where an acronym resolves), or ""."""
    position = _first_post(position)
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
    position = _first_post(position)
    head = HEAD_RE.match(position)
    if head is not None and head.group("base") in _PRIVATE_HEADS:
        return False
    return not re.search("บริษัท|จำกัด|ห้างหุ้นส่วน|สมาคม|มูลนิธิ|ชมรม", position)
