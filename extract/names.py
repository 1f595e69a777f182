"""Person names in Thai releases: titled names, bare names before a position, Latin-script names.

Thai writes no spaces between words, so a name is recognised by shape and context: a title
(honorific, rank, academic or royal prefix, often glued to the name), a given-name run, one space,
a family-name run. pythainlp's name lists are used as evidence, never as a requirement: most
officials' family names are not in them. ``find_name_mentions`` returns full names and also
given-name-only mentions ("นายวราวุธ กล่าวว่า"), which callers may only link to a full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names

from extract.gazetteers import load_tsv, trie_pattern

# Thai letters, vowels and tone marks; no digits, no ฯ/ๆ (they end a word).
THAI = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e"
WORD_RE = re.compile(f"[{THAI}]+")

GIVEN_NAMES: frozenset[str] = frozenset(thai_male_names()) | frozenset(thai_female_names())
FAMILY_NAMES: frozenset[str] = frozenset(thai_family_names())

_HONORIFIC_ROWS = load_tsv("honorifics")
HONORIFIC_KIND: dict[str, str] = {r["form"]: r["kind"] for r in _HONORIFIC_ROWS if r["kind"] != "not_title"}
_THAI_TITLES = [f for f, k in HONORIFIC_KIND.items() if k != "foreign"]
_LATIN_TITLES = [f for f, k in HONORIFIC_KIND.items() if k == "foreign"]
# Nouns that begin like a title ("นายจ้าง", "นางพยาบาล"): never a person unless a known given name follows.
NOT_TITLE_RE = re.compile(trie_pattern([r["form"] for r in _HONORIFIC_ROWS if r["kind"] == "not_title"]))

# Female rank suffix (พันตำรวจโทหญิง, พ.ต.ท.หญิง) and the academic "(พิเศษ)" qualifier.
_TITLE_SUFFIX = "(?:หญิง)?(?:\\s?\\((?:พิเศษ|เกียรติคุณ|เกียรติยศ|อาวุโส)\\))?"
_TITLE_UNIT = f"(?:{trie_pattern(_THAI_TITLES)}){_TITLE_SUFFIX}"
TITLE_UNIT_RE = re.compile(f"(?P<form>{trie_pattern(_THAI_TITLES)}){_TITLE_SUFFIX}")
# A chain of titles as written: "ศาสตราจารย์ ดร.", "ศ. (พิเศษ) ดร.", "ว่าที่ร้อยตรี ดร.", "ผศ.ดร.นพ.".
TITLE_RE = re.compile(f"{_TITLE_UNIT}(?:\\s?{_TITLE_UNIT})*")

# Titles that are also ordinary syllables inside words (ทนาย, ยืนนาน…): glued to a preceding Thai
# letter they only count after a function word, or before a listed given name.
_WEAK_TITLES = frozenset({"นาย", "นาง", "นางสาว", "อาจารย์", "เด็กชาย", "เด็กหญิง"})
# A title abbreviation that no Thai acronym ends in, so it is a title even glued to a word.
_UNAMBIGUOUS_ABBREVIATION = "ดร."
# "ห้องประชุม ศ.สมนึก ใจดี": a room named after a dignitary (never after a plain นาย/นาง).
_ROOM_BEFORE_RE = re.compile(r"(?:^|\s)ห้อง\S{0,16}\s?$")
_ROOM_REACH = 24
_GLUE_BEFORE_TITLE_RE = re.compile(
    "(?:และ|แก่|ด้วย|มี|พร้อม|โดย|กับ|ของ|ถึง|ให้|ว่า|จาก|ต่อ|นำ|ซึ่ง|คือ|ได้แก่|อาทิ|เช่น|ท่าน|ที่|เป็น|ตาม|ระหว่าง|ทั้ง|ต้อนรับ|เยี่ยม|ขอบคุณ)$"
)

# Words a given or family name never starts with: verbs, function words, report phrases.
_NOT_NAME_START = [
    "กล่าว",
    "เปิดเผย",
    "เผย",
    "ได้",
    "เป็น",
    "และ",
    "พร้อม",
    "ร่วม",
    "ให้",
    "ที่",
    "ซึ่ง",
    "จึง",
    "ยัง",
    "ระบุ",
    "มอบ",
    "ลงพื้นที่",
    "ลงนาม",
    "เดินทาง",
    "ตรวจ",
    "ใน",
    "จาก",
    "กับ",
    "โดย",
    "ว่า",
    "เพื่อ",
    "ทั้ง",
    "แต่",
    "หรือ",
    "จะ",
    "ต่อ",
    "ถึง",
    "ไป",
    "เข้า",
    "ตาม",
    "หลัง",
    "ขณะ",
    "เมื่อ",
    "แล้ว",
    "ยืนยัน",
    "เน้น",
    "ชี้แจง",
    "แถลง",
    "สั่ง",
    "มีความ",
    "ไม่",
    "คือ",
    "เช่น",
    "อาทิ",
    "ประจำ",
    "ดำรง",
    "ภายใต้",
    "ในฐานะ",
    "อดีต",
    "พ้น",
    "อายุ",
    "เสด็จ",
    "รับ",
    "เยี่ยม",
    "ติดตาม",
    "หารือ",
    "ประชุม",
    "กำชับ",
    "มอบหมาย",
    "รายงาน",
    "แสดง",
    "ย้ำ",
    "สรุป",
    "ชื่นชม",
    "ขอบคุณ",
    "นำ",
    "ผู้",
    "ท่าน",
    "คณะ",
    "กระทรวง",
    "กรม",
    "สำนัก",
    "จังหวัด",
    "อำเภอ",
    "ตำบล",
    "หมู่",
    "บ้าน",
    "ถนน",
    "ประเทศ",
    "รัฐบาล",
    "โครงการ",
    "การประชุม",
    "การดำเนิน",
    "ความ",
    "กิจกรรม",
    "ตำแหน่ง",
    "และคณะ",
    "ทุก",
    "ต่าง",
    "ก็",
    "คน",
    "ด้วย",
    "เห็น",
    "ชี้",
    "มองว่า",
    "เชื่อว่า",
    "คาดว่า",
    "หวังว่า",
    "ตอบ",
    "อธิบาย",
    "เสริมว่า",
    "ต้องการ",
    "บอก",
    "ให้สัมภาษณ์",
    "พูด",
    "แนะนำ",
    "สั่งการ",
    "เตรียม",
    "ยอมรับ",
    "ปฏิเสธ",
    "ฝาก",
    "ประกาศ",
    "เร่ง",
    "นัก",
    "ทาง",
    "อีก",
    "ยิ่ง",
    "ซึ่ง",
    "รวม",
    "พบ",
    "ลง",
    "ขึ้น",
    "มหาวิทยาลัย",
    "สถาบัน",
    "ศูนย์",
    "โรงเรียน",
    "โรงพยาบาล",
    "องค์การ",
    "สมาคม",
    "มูลนิธิ",
    "บริษัท",
    "พิเศษ",
    "จำนวน",
    "วัด",
    # headline verbs after a short mention ("คุณหญิงกัลยา จับมือ UNICEF"), and words for groups of
    # people after a title that is also a noun ("แก่อาจารย์ ศิษย์เก่า บุคลากร และนักศึกษา")
    "จับมือ",
    "ดูแล",
    "ศิษย์เก่า",
    "บุคลากร",
    "นักศึกษา",
    "นักเรียน",
    "ข้าราชการ",
    "เจ้าหน้าที่",
]
_NOT_NAME_START_RE = re.compile(trie_pattern(_NOT_NAME_START))
# The subset that is never a name's start, even right before a position ("รัชดา กล่าวว่า รองนายกฯ…").
_VERB_START_RE = re.compile(
    trie_pattern(
        [
            "กล่าว",
            "เปิดเผย",
            "เผย",
            "ได้",
            "เป็น",
            "และ",
            "พร้อม",
            "ร่วม",
            "ให้",
            "ซึ่ง",
            "ระบุ",
            "ยืนยัน",
            "เน้น",
            "ชี้แจง",
            "แถลง",
            "สั่ง",
            "มอบ",
            "ลงพื้นที่",
            "ลงนาม",
            "เดินทาง",
            "ตรวจ",
            "ว่า",
            "เพื่อ",
            "ที่",
            "ใน",
            "จาก",
            "กับ",
            "โดย",
            "ในฐานะ",
            "เห็น",
            "มองว่า",
            "เชื่อว่า",
            "คาดว่า",
            "จำนวน",
            "ดำรงตำแหน่ง",
        ]
    )
)
# Where a run glued to a name stops being the name ("โอภาสกล่าวว่า", "ใจดีเป็นประธาน").
_GLUED_BREAK_RE = re.compile(
    trie_pattern(
        [
            "กล่าว",
            "เปิดเผย",
            "เผยว่า",
            "เป็นประธาน",
            "เป็นผู้",
            "ได้",
            "พร้อมด้วย",
            "พร้อมคณะ",
            "ร่วมกับ",
            "ระบุ",
            "ยืนยัน",
            "เน้นย้ำ",
            "ชี้แจง",
            "ลงพื้นที่",
            "เดินทาง",
            "มอบหมาย",
            "ให้การ",
            "และคณะ",
            "ตรวจเยี่ยม",
            "ในฐานะ",
        ]
    )
)
# Family names of royal descent written with ณ (ณ อยุธยา, ณ ป้อมเพชร); "ณ" otherwise means "at".
_NA_LINEAGES = frozenset(
    [
        "อยุธยา",
        "ป้อมเพชร",
        "นคร",
        "สงขลา",
        "ระนอง",
        "ถลาง",
        "พัทลุง",
        "เชียงใหม่",
        "ลำพูน",
        "ลำปาง",
        "น่าน",
        "บางช้าง",
        "มหาไชย",
        "ศรีธนา",
        "ราชสีมา",
        "พิศณุโลก",
        "ตะกั่วทุ่ง",
        "ตะกั่วป่า",
        "กาฬสินธุ์",
        "ร้อยเอ็จ",
        "หนองคาย",
        "จำปาศักดิ์",
    ]
)
# Capitalised words (a leading Latin title such as "Dr." or "HJ" is split off by the caller).
# Letters with diacritics count ("Bénédicte", "Carré", "Müller", "Łukasz"): À-Þ/Ā… are upper case
# in Latin-1 and Latin Extended-A (×/÷ excluded).
LATIN_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LATIN_LETTER = "a-zA-ZÀ-ÖØ-öø-ÿĀ-ſ"
_LATIN_WORD = rf"[{LATIN_UPPER}](?:[{_LATIN_LETTER}'\-]|\.(?=[{LATIN_UPPER}]))*\.?"
_LATIN_PARTICLE = r"(?:bin|binti|van|de|der|von|da|al|el|del|di|le|la)"
LATIN_NAME_RE = re.compile(f"{_LATIN_WORD}(?:\\s(?:{_LATIN_WORD}|{_LATIN_PARTICLE})){{1,6}}")
_LATIN_TITLE_SET = frozenset(_LATIN_TITLES)
_LATIN_PARTICLE_RE = re.compile(_LATIN_PARTICLE)


# English post words that end a capitalised run ("H.E. Mr. Don Pramudwinai Deputy Prime Minister").
_ENGLISH_POST_WORDS = frozenset(
    [
        "Deputy",
        "Vice",
        "Acting",
        "Prime",
        "Minister",
        "President",
        "Secretary",
        "Ambassador",
        "Director",
        "Chairman",
        "Chairperson",
        "Chief",
        "Governor",
        "Representative",
        "Consul",
        "Spokesman",
        "Spokesperson",
        "Executive",
        "Permanent",
        "Managing",
        "Head",
        "Senior",
        "Commissioner",
        "Mayor",
        "Rector",
        "Dean",
        "Editor",
    ]
)
# Words of organisations, programmes and topics: a capitalised run holding one is no bare name.
LATIN_NON_NAME_WORDS = frozenset(
    [
        "Corporation",
        "Company",
        "Group",
        "Bank",
        "Association",
        "Foundation",
        "Institute",
        "University",
        "Council",
        "Agency",
        "Organization",
        "Organisation",
        "Ministry",
        "Department",
        "Office",
        "Center",
        "Centre",
        "Committee",
        "Fund",
        "Programme",
        "Program",
        "Project",
        "Network",
        "Alliance",
        "Union",
        "Forum",
        "Expo",
        "Fair",
        "Festival",
        "Summit",
        "Conference",
        "Award",
        "Awards",
        "Digital",
        "Economy",
        "Connectivity",
        "Thailand",
        "Thai",
        "International",
        "Limited",
        "Ltd",
        "Co",
        "Inc",
        "Plc",
        "Public",
        "Power",
        "Soft",
        "Tourism",
        "Manager",
        "Spa",
        "Cloud",
        "Technology",
        "Solutions",
        "Services",
        "Service",
        "Media",
        "Hotel",
        "Resort",
        "Airport",
        "Market",
        "Industry",
        "Trade",
        "Development",
        "Management",
        "Partnership",
        "Platform",
        "Day",
        "Week",
        "World",
        "Global",
        "Asia",
        "Pacific",
        "National",
        "Smart",
        "Green",
        "Energy",
        "City",
        "Club",
        "Team",
        "Policy",
        "Plan",
        "Strategy",
        "System",
        "Health",
        "Care",
        "Economic",
    ]
)


def latin_name_run(words: str) -> str:
    """The capitalised run without an English post that follows the name inside it."""
    parts = words.split(" ")
    first = 0
    while first < len(parts) and parts[first] in _LATIN_TITLE_SET:
        first += 1
    for i in range(first + 2, len(parts)):
        if parts[i] in _ENGLISH_POST_WORDS:
            return " ".join(parts[:i])
    return words


def split_latin(words: str) -> tuple[str, str, str] | None:
    """(title, given, family) of a capitalised word run, or None if it is not a person's name."""
    parts = words.split(" ")
    titles = []
    while parts and parts[0] in _LATIN_TITLE_SET:
        titles.append(parts.pop(0))
    while parts and _LATIN_PARTICLE_RE.fullmatch(parts[-1]):
        parts.pop()
    if len(parts) < 2 or any(p.endswith(".") for p in parts):
        return None
    return " ".join(titles), parts[0], " ".join(parts[1:])


# Royal names run over several words and end at a verb, a list word or a royal style.
ROYAL_NAME_END_RE = re.compile(
    "(?:พร้อม|เสด็จ|ทรง|และ|ใน|ที่|ได้|โดย|พระบรม|พระราช|เป็น|กับ|ด้วย|พระผู้|ซึ่ง|ทั้ง|ให้|แก่|จะ|ก็|ยัง|ต่อ"
    "|นั้น|เพื่อ|จาก|ณ|ประทาน|โปรด|สร้าง|มี|เนื่อง|องค์|ผู้)"
)


# Agency words never occur inside a personal name ("นายกกิ่งกาชาดอำเภอหัวหิน" is a post).
_AGENCY_INSIDE_RE = re.compile("จังหวัด|อำเภอ|กระทรวง|สำนักงาน|สมาคม|มูลนิธิ|กาชาด|เทศบาล|ตำบล")
_MAX_NAME_LENGTH = 16  # characters; longer glued runs are not searched for a name prefix


@dataclass(frozen=True, slots=True)
class NameMention:
    """A person mention: span of title + name in the text, the title as written and name parts."""

    start: int
    end: int
    title: str
    given: str
    family: str
    kind: str  # honorific kind ("civil", "military", …), "latin", or "" for an untitled name
    full: bool = True  # False for a given-name-only mention, which never creates a person itself

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}" if self.family else self.given


def _starts_like_non_name(word: str) -> bool:
    return _NOT_NAME_START_RE.match(word) is not None


def names_a_room(text: str, title_start: int, title: str) -> bool:
    """Whether the title at title_start begins the name of the room written right before it."""
    before = text[max(0, title_start - _ROOM_REACH) : title_start]
    return title not in _WEAK_TITLES and _ROOM_BEFORE_RE.search(before) is not None


def plausible_given(word: str, position_follows: bool = False) -> bool:
    """Whether a word after a title can be a given name; with a position written after the family
    name, only a verb start rules it out (as for family names)."""
    if word in GIVEN_NAMES:
        return True
    if len(word) < 2 or _AGENCY_INSIDE_RE.search(word):
        return False
    return not _VERB_START_RE.match(word) if position_follows else not _starts_like_non_name(word)


def _starts_with_next_person(word: str) -> bool:
    """ "นายทวีสิน": a family-name slot that holds the next person's title and given name."""
    title = TITLE_RE.match(word)
    return title is not None and word[title.end() :] in GIVEN_NAMES


def plausible_family(word: str, starts_position: bool, position_follows: bool = False) -> bool:
    """A word after a given name is a family name unless it starts a position, verb or phrase.

    A position written right after the word outweighs a verb-like start ("นพ.สมฤกษ์ จึงสมาน
    ผู้ตรวจราชการ…"): a short mention is followed by its verb, not by a position.
    """
    if word in FAMILY_NAMES:
        return True
    if len(word) < 2 or starts_position or _VERB_START_RE.match(word) or _starts_with_next_person(word):
        return False
    if _AGENCY_INSIDE_RE.search(word):
        return False
    return position_follows or not _starts_like_non_name(word)


def cut_glued(word: str, known: frozenset[str]) -> str:
    """The part of a run that is a name, before a glued verb or next title ("ใจดีกล่าวว่า")."""
    if word in known:
        return word
    for m in _GLUED_BREAK_RE.finditer(word, 2):
        return word[: m.start()]
    # A listed name followed by a function word ("สมศักดิ์จึงเจรจา"), longest listed name first.
    for i in range(min(len(word) - 2, _MAX_NAME_LENGTH), 1, -1):
        if word[:i] in known and _NOT_NAME_START_RE.match(word, i):
            return word[:i]
    for m in TITLE_RE.finditer(word, 2):
        rest = WORD_RE.match(word, m.end())
        if rest and rest.group() in GIVEN_NAMES:
            return word[: m.start()]
    return word


def glued_title_allowed(text: str, start: int, title: str, given: str) -> bool:
    """A title glued to a preceding letter is real after a function word or before a listed name.

    Weak titles (นาย, นาง) are also syllables of words (ทนาย); abbreviations (ศ., พ.ต.) also end
    acronyms (กยศ.): both need the function word unless a listed given name follows.
    """
    if start == 0 or not (WORD_RE.match(text[start - 1]) or text[start - 1] == "."):
        return True
    if _GLUE_BEFORE_TITLE_RE.search(text, max(0, start - 12), start) is not None:
        return True
    if title.startswith(_UNAMBIGUOUS_ABBREVIATION):
        return True  # "ประเทศญี่ปุ่นดร.ทองเปลว …": no Thai acronym ends in ดร.
    if given in GIVEN_NAMES:
        return "." not in title or len(title) > 3
    return title not in _WEAK_TITLES and "." not in title


def family_extension(text: str, pos: int) -> int:
    """End of a " ณ อยุธยา"-style lineage suffix starting at ``pos``, or ``pos`` if none."""
    if text.startswith(" ณ ", pos):
        word = WORD_RE.match(text, pos + 3)
        if word and word.group() in _NA_LINEAGES:
            return word.end()
    return pos
