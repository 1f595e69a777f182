"""What a named person did in the release: chair, speaker, quoted, participant or other.

The verb that follows a person (after their position) tells the role; people listed together
("นาย ก … นาง ข … และนาย ค … ร่วมพิธี") share the verb after the list. With no verb, the word
before the list decides (วิทยากร → speaker; พร้อมด้วย/โดยมี/ได้แก่/ให้แก่ → participant).
"""

from __future__ import annotations

import re

from extract.names import THAI, TITLE_RE
from schemas.models import Role

ROLE_STRENGTH: dict[Role, int] = {"chair": 4, "speaker": 3, "quoted": 2, "participant": 1, "other": 0}

_CUE_RE = re.compile(
    "(?P<chair>เป็นประธาน|ประธานในพิธี|ประธานเปิด|ประธานปิด|ประธานการ|ประธานพิธี|กล่าวเปิด|เปิด(?!เผย))"
    "|(?P<speaker>วิทยากร|บรรยาย|ปาฐกถา|ให้ความรู้|อภิปราย)"
    "|(?P<quoted>กล่าวรายงานว่า|กล่าว(?!รายงาน)|เปิดเผย|เผย|ระบุว่า|เน้นย้ำ|ย้ำว่า|ให้สัมภาษณ์|ชี้แจง|ยืนยันว่า|แถลง)"
    "|(?P<participant>ร่วม|เข้าร่วม|ได้รับรางวัล|รับรางวัล|ให้การต้อนรับ|ต้อนรับ|กล่าวรายงาน|ลงนาม|สักขีพยาน|เข้าพบ|พบปะ)"
)
# What may stand between two people of one list: separators, list numbers, "และ", "พร้อมด้วย",
# and a title left without its name ("1.3 พันตำรวจโทหญิง 1.4 นาย…").
_SEPARATORS = r"[\s,;/\d.)(]*"
# Unnamed people listed along ("… อัมพวาและผู้นำชุมชน นางสาว…") do not end the list.
_UNNAMED_GROUP = f"(?:และ)?(?:คณะ|ผู้นำ|ผู้บริหาร|เจ้าหน้าที่|ผู้เกี่ยวข้อง|ภริยา)[{THAI}]*{_SEPARATORS}"
# A joining word at a line's end is the list's own verb ("… นายข ร่วมด้วย" + line break), not a link
# to the next line's people.
_SEPARATORS_IN_LINE = r"(?:[^\S\n]|[,;/\d.)(])*"
_LIST_GAP_RE = re.compile(
    f"{_SEPARATORS}(?:{_UNNAMED_GROUP})?"
    f"(?:(?:และ|พร้อมด้วย|ร่วมด้วย|พร้อม|กับ|รวมทั้ง|ตลอดจน){_SEPARATORS_IN_LINE}(?!\n))?"
    f"(?:(?:{TITLE_RE.pattern}){_SEPARATORS})?"
)
_BRACKET_RE = re.compile(r"\s*\([^()\n]{1,40}\)")
_LEAD_IN_RE = re.compile(
    "(?P<speaker>วิทยากร|บรรยายโดย|นำเสนอโดย)\\s*$"
    "|(?P<participant>พร้อมด้วย|โดยมี|ร่วมด้วย|ได้แก่|ประกอบด้วย|ให้แก่|แก่|อาทิ|มอบ[^\\s]*ให้)[\\s\\d.)]*$"
)
_WINDOW = 150


def cue_role(text: str, start: int, end: int) -> Role | None:
    """The role named by the first cue word in text[start:end], if any."""
    cue = _CUE_RE.search(text, start, end)
    if cue is None:
        return None
    role: Role = cue.lastgroup  # type: ignore[assignment]
    return role


def lead_in_role(text: str, start: int) -> Role | None:
    """The role implied by the words just before a list of people ("วิทยากร นาย…")."""
    line_start = text.rfind("\n", 0, start) + 1
    lead = _LEAD_IN_RE.search(text, max(line_start, start - 40), start)
    if lead is None:
        return None
    role: Role = lead.lastgroup  # type: ignore[assignment]
    return role


def is_list_gap(text: str, start: int, end: int) -> bool:
    """True when only separators (and a bracketed acronym) lie between two listed people."""
    bracket = _BRACKET_RE.match(text, start, end)
    if bracket is not None:
        start = bracket.end()
    gap = _LIST_GAP_RE.match(text, start, end)
    return gap is not None and gap.end() == end


def predicate_role(text: str, start: int, stop: int) -> Role | None:
    """The role told by the words after a person (or list), up to the next person or line end."""
    line_end = text.find("\n", start)
    end = min(stop, start + _WINDOW, line_end if line_end >= 0 else len(text))
    return cue_role(text, start, end)
