"""Every person mention in a release: titled Thai names, royal names, Latin names, bare names.

Each mention carries the position written right after it (if any). Overlaps are resolved in favour
of the mention that starts first (a title and its name beat a bare reading of the same words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.names import (
    FAMILY_NAMES,
    GIVEN_NAMES,
    HONORIFIC_KIND,
    LATIN_NAME_RE,
    LATIN_NON_NAME_WORDS,
    LATIN_UPPER,
    NOT_TITLE_RE,
    ROYAL_NAME_END_RE,
    THAI,
    TITLE_RE,
    TITLE_UNIT_RE,
    WORD_RE,
    NameMention,
    cut_glued,
    family_extension,
    glued_title_allowed,
    latin_name_run,
    names_a_room,
    plausible_family,
    plausible_given,
    split_latin,
)
from extract.officials_positions import (
    BASE_HEAD_RE,
    SPACE_HEAD_RE,
    position_after,
    private_head_at,
    specific_head_at,
)

_LATIN_UPPER_RE = re.compile(f"[{LATIN_UPPER}]")
_FUNCTION_WORD_BEFORE_RE = re.compile("(?:ของ|และ|โดย|จาก|ถึง|กับ|แก่|ตาม|ให้|ท่าน)$")
_PRESIDED_BODY_RE = re.compile(
    "ก(?:เหล่า|กิ่ง|สภา|สมาคม|สโมสร|ชมรม|มูลนิธิ|เทศมนตรี|องค์การ|อบ|รัฐมนตรี|สมาพันธ์|สหพันธ์|ยุวกาชาด|ฯ)"
)
# Heads that are common nouns after a capitalised phrase ("Digital Economy หุ้นส่วน…"), not posts.
_COMMON_NOUN_HEADS = frozenset(
    {"หุ้นส่วน", "พนักงาน", "เจ้าหน้าที่", "เจ้าพนักงาน", "ผู้ประกอบการ", "เกษตรกร", "นักแสดง", "นักร้อง", "นักกีฬา", "แพทย์"}
)
_ENGLISH_POST_START = (
    "(?:(?:Deputy|Vice|Acting|Senior|First|Executive|Permanent|Chief|Managing|Assistant|Associate|"
    "Regional|Country|Group|General)\\s)*"
    "(?:Prime\\sMinister|Minister|President|Secretary|Ambassador|Director|Chairman|Chairperson|Chair|Chief|"
    "Governor|Representative|Consul|Head|Spokesman|Spokesperson|Editor|Manager|CEO|Founder|Co-Founder|"
    "Commissioner|Administrator|Counsellor|Counselor|Officer|Advisor|Adviser|Professor|Dean|Rector|Mayor|"
    "Speaker|Leader|Commander|Partner|Principal|Coordinator|Envoy|Delegate)\\b"
)
_ENGLISH_POSITION_RE = re.compile(f",?\\s(?:the\\s)?(?P<post>{_ENGLISH_POST_START}[^,(\\n\u0e00-\u0e7f;:]*)")
_ENGLISH_WORD_RE = re.compile(r"[^\s]+")
_ENGLISH_CONNECTORS = frozenset({"of", "the", "and", "for", "to", "in", "on", "&", "de", "du", "des"})
_COUNT_BEFORE_RE = re.compile(r"(?<!\d)\d{1,3} $")
# "นางสาวเจอรัลดีน อองซาร์ค (Ms. Geraldine Ansart) หัวหน้า…": a Thai name's Latin spelling in brackets
# is the same person, and the position follows the bracket.
_LATIN_ALIAS_RE = re.compile(r" ?\((?=[A-Z])[A-Za-z.'’\- ]{2,60}\)")
# Starts with a literal so the scan skips ahead fast; a "(เจ้าประคุณ)สมเด็จ" prefix is added back.
# A Pali degree may follow the name in the bracket ("(สนิท ชวนปญฺโญ ป.ธ.๙)").
_MONK_RE = re.compile(
    f"พระ[{THAI}]{{3,40}} \\((?P<given>[{THAI}]{{2,20}}) (?P<family>[{THAI}]{{2,20}})(?: ป\\.ธ\\.\\s?[0-9๐-๙]+)?\\)"
)
_MONK_PREFIX_RE = re.compile("(?:เจ้าประคุณ ?)?สมเด็จ$")
# Words after พระ that name a Buddha image, a building or the king, not a monk's title.
_NOT_MONK_TITLE_RE = re.compile("พุทธ|อุโบสถ|ตำหนัก|ที่นั่ง|บรม|บาท|เจ้า|ราชวัง|วิหาร|ธาตุ|ราชทาน|ราชพิธี|ราชดำริ")
_MAX_ROYAL_WORDS = 5
# Places and awards named after a royal, written right before the royal title.
_NAMED_AFTER_ROYAL = re.compile(
    r"(?:โรงพยาบาล|รพ\.|ค่าย|สวน|อาคาร|สะพาน|ถนน|เขื่อน|โรงเรียน|มหาวิทยาลัย|ศูนย์การแพทย์|รางวัล)\s?$"
)
_MIN_FAMILY = 3
_MIN_GIVEN = 3  # "แพ" + "ทองธาร" is one given name, not a given and a family name
_MAX_GIVEN = 16  # characters of a listed given name tried at the start of a glued run
# นายก (prime minister, mayor, president of a body) written glued to the name it belongs to.
GLUED_POST = "นายก"
# Heads that also end Thai family names (ศรีประธาน, ทองปลัด): never split off a glued name.
_NAME_PART_HEADS = frozenset({"ประธาน", "ปลัด", "ทูต", "กงสุล", "อัยการ", "หัวหน้า", "เลขานุการ", "ผู้ตรวจ"})
_PROSE_INSIDE_RE = re.compile("การ|ของ|ความ|เพื่อ|ที่|ให้|และ|ได้|ด้วย|กับ|จาก")


@dataclass(frozen=True, slots=True)
class Mention:
    """A name mention and the span of the position written next to it (None if none)."""

    name: NameMention
    position: tuple[int, int] | None


def _starts_position(text: str, pos: int) -> bool:
    head = BASE_HEAD_RE.match(text, pos)
    return head is not None and head.end() - pos >= 3


def _title_kind(text: str, start: int) -> str:
    unit = TITLE_UNIT_RE.match(text, start)
    form = unit.group("form") if unit else ""
    return HONORIFIC_KIND.get(form, "civil")


def _royal(text: str, start: int, end: int, pos: int, title: str) -> NameMention | None:
    if _NAMED_AFTER_ROYAL.search(text, max(0, start - 16), start):
        return None  # "รพ.สมเด็จพระนางเจ้าสิริกิติ์": a place named after a royal, no one taking part
    words: list[str] = []
    stop = pos
    while len(words) < _MAX_ROYAL_WORDS:
        word = WORD_RE.match(text, pos)
        if word is None or ROYAL_NAME_END_RE.match(word.group()) or (words and _starts_position(text, pos)):
            break
        if words and text.startswith(".", word.end()):
            break  # "… สิริกิติ์ อ.บ้านฉาง": an abbreviated district, not a name part
        if words and _PROSE_INSIDE_RE.search(word.group()):
            break  # royal names are compounds of Pali-Sanskrit parts, not prose with function words
        words.append(word.group())
        stop = word.end()
        if not text.startswith(" ", stop):
            break
        pos = stop + 1
    if not words:
        return None
    return NameMention(start, stop, title, words[0], " ".join(words[1:]), "royal")


def _latin_after_title(text: str, start: int, pos: int, title: str, kind: str) -> NameMention | None:
    """ "นาย Ahmed Naseem": a Thai title before a Latin-script name."""
    latin = LATIN_NAME_RE.match(text, pos)
    if latin is None:
        return None
    run = latin_name_run(latin.group())
    parts = split_latin(run)
    if parts is None or parts[0]:
        return None
    return NameMention(start, pos + len(run), title, parts[1], parts[2], kind)


def titled_mention(text: str, match: re.Match[str]) -> NameMention | None:
    """The name after a title match, or None when the title is a word part or a noun."""
    start, end = match.span()
    title = match.group()
    pos = end + 1 if text.startswith(" ", end) else end
    kind = _title_kind(text, start)
    if _LATIN_UPPER_RE.match(text, pos):
        return _latin_after_title(text, start, pos, title, kind)
    if kind == "royal":
        return _royal(text, start, end, pos, title)
    word = WORD_RE.match(text, pos)
    if word is None:
        return None
    given = word.group()
    glued_post = _post_glued_to_name(text, title, word) if pos == end else None
    if glued_post is not None:
        if not glued_post:
            return None
        start = pos = pos + 1
        title, kind, given = "", "", given[1:]
    if names_a_room(text, start, title):
        return None  # "ณ ห้องประชุม ศ.สมนึก …": the room's name, not a person taking part
    counted = text.startswith(" ", end) and _COUNT_BEFORE_RE.search(text, max(0, start - 5), start)
    if title == "นาย" and counted:
        return None  # "จำนวน 42 นาย": นาย counts officers after a number
    not_title = NOT_TITLE_RE.match(text, start)
    if not_title is not None and _glued_whole_word(text, start, not_title.end()):
        return None  # "ชั้นนายพล จำนวน": the noun นายพล inside a phrase, though พล is a given name
    if given not in GIVEN_NAMES:
        # "นายกรัฐมนตรี", "นายอำเภอ", "นางพยาบาล": a noun or post that merely begins like a title.
        head = BASE_HEAD_RE.match(text, start)
        if NOT_TITLE_RE.match(text, start) or (head is not None and head.end() > end):
            return None
    if not glued_title_allowed(text, start, title, given):
        return None
    if title == "นาย" and given not in GIVEN_NAMES and _PRESIDED_BODY_RE.match(given):
        return None  # นายกเหล่ากาชาด…, นายกสโมสร…: the president of a body, not a name
    name = cut_glued(given, GIVEN_NAMES)
    # A given name that begins like a common word ("นายอายุตม์") is still a name when a family name
    # and a position follow it; it is never one on its own.
    given_plausible = plausible_given(name)
    if text.startswith(".", word.end()) or not plausible_given(name, position_follows=True):
        return None
    if name != given:
        return (
            NameMention(start, pos + len(name), title, name, "", kind, full=False)
            if given_plausible
            else None
        )
    after = word.end()
    family_word = WORD_RE.match(text, after + 1) if text.startswith(" ", after) else None
    if family_word is not None:
        family = _cut_glued_position(text, family_word.start(), cut_glued(family_word.group(), FAMILY_NAMES))
        family_end = family_word.start() + len(family)
        abbreviation = family == family_word.group() and text.startswith(".", family_end)
        position_follows = text.startswith(" ", family_end) and _starts_position(text, family_end + 1)
        starts_position = _starts_position(text, family_word.start())
        if (
            not abbreviation
            and (given_plausible or position_follows)
            and plausible_family(family, starts_position, position_follows)
        ):
            family_end = family_extension(text, _second_family_end(text, family_end))
            family = text[family_word.start() : family_end]
            return NameMention(start, family_end, title, given, family, kind)
        glued = _glued_full_name(text, given) if starts_position else None
        if glued is not None:
            return NameMention(start, after, title, glued[0], glued[1], kind)
    return NameMention(start, after, title, given, "", kind, full=False) if given_plausible else None


def _glued_full_name(text: str, word: str) -> tuple[str, str] | None:
    """ "นายวราวุธภู่อภิญญา เอกอัครราชทูต…": a listed given name and its family name written without
    the space, right before a position; the longest listed given name that leaves a family name.
    A word the text also writes before a family name ("แพทองธาร ชินวัตร") is a given name whole."""
    if word in GIVEN_NAMES or _written_as_given(text, word):
        return None
    for i in range(min(len(word) - _MIN_FAMILY, _MAX_GIVEN), _MIN_GIVEN - 1, -1):
        given, family = word[:i], word[i:]
        if given in GIVEN_NAMES and plausible_family(family, False):
            return given, family
    return None


def _written_as_given(text: str, word: str) -> bool:
    """Whether the text writes ``word`` somewhere before a family name (not before a position)."""
    for m in re.finditer(re.escape(word) + " ", text):
        family = WORD_RE.match(text, m.end())
        if (
            family is not None
            and not _starts_position(text, m.end())
            and plausible_family(family.group(), False)
        ):
            return True
    return False


def _post_glued_to_name(text: str, title: str, word: re.Match[str]) -> bool | None:
    """ "นายกเศรษฐา": the post นายก glued to a given name, not นาย and a name "กเศรษฐา". True when a
    listed family name or a position follows (the name is certain), False when something else does
    ("นายกเศรษฐา เปิดงาน" in a headline), None when the text is not the post before a given name."""
    given = word.group()
    if title + given[:1] != GLUED_POST or given in GIVEN_NAMES or given[1:] not in GIVEN_NAMES:
        return None
    family = WORD_RE.match(text, word.end() + 1) if text.startswith(" ", word.end()) else None
    if family is None:
        return False
    return family.group() in FAMILY_NAMES or (
        text.startswith(" ", family.end()) and _starts_position(text, family.end() + 1)
    )


def _cut_glued_position(text: str, start: int, family: str) -> str:
    """The family name without a position glued to it ("ทวีสินนายกรัฐมนตรี" -> "ทวีสิน")."""
    if family in FAMILY_NAMES or len(family) < _MIN_FAMILY + 4:
        return family
    for head in BASE_HEAD_RE.finditer(text, start + _MIN_FAMILY, start + len(family)):
        base = head.group("base")
        modified = head.start("base") > head.start()
        if specific_head_at(text, head.start()) is None or (base in _NAME_PART_HEADS and not modified):
            continue
        if position_after(text, head.start()) is not None:
            return family[: head.start() - start]
    return family


def _glued_whole_word(text: str, start: int, end: int) -> bool:
    """text[start:end] is glued to the Thai letter before it and ends where its word ends."""
    return start > 0 and WORD_RE.match(text, start - 1) is not None and WORD_RE.match(text, end) is None


def _word_before(text: str, end: int) -> tuple[int, str] | None:
    """The Thai word that ends at ``end`` and follows a space, quote or line start."""
    start = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end)) + 1
    word = text[start:end]
    if word and word[0] in "“\"'(":
        start += 1
        word = word[1:]
    return (start, word) if WORD_RE.fullmatch(word) else None


def _second_family_end(text: str, end: int) -> int:
    """End of a second family name ("รัดเกล้า อินทวงศ์ สุวรรณคีรี") when a position follows it."""
    if not text.startswith(" ", end):
        return end
    word = WORD_RE.match(text, end + 1)
    if word is None or not text.startswith(" ", word.end()) or not _starts_position(text, word.end() + 1):
        return end
    if _starts_position(text, word.start()) or not plausible_family(word.group(), False):
        return end
    return word.end()


def _bare_mentions(text: str) -> list[NameMention]:
    """Untitled names written right before a position ("โดยมี สมชาย ใจดี ผู้อำนวยการ…")."""
    found = []
    for head in SPACE_HEAD_RE.finditer(text):
        pos = head.start()
        family = _word_before(text, pos)
        if family is None or family[0] < 2 or text[family[0] - 1] != " ":
            continue
        given = _word_before(text, family[0] - 1)
        if given is None or given[1] not in GIVEN_NAMES or not BASE_HEAD_RE.match(text, pos + 1):
            continue
        if private_head_at(text, pos + 1) and family[1] not in FAMILY_NAMES:
            continue  # "ทั้งภาครัฐ เอกชน ประชาสังคม อาสาสมัคร…": sectors listed before a role, not a name
        if plausible_given(given[1]) and plausible_family(family[1], False):
            found.append(NameMention(given[0], pos, "", given[1], family[1], ""))
    return found


def _monk_mentions(text: str) -> list[NameMention]:
    """A monk's ecclesiastical title with his birth name and monastic name in brackets.

    "พระครูอนุกูลศาสนกิจ (ประดิษฐ์ ฐานิโก)": the title is the honorific, the bracket the name.
    """
    found = []
    for monk in _MONK_RE.finditer(text):
        start = monk.start()
        prefix = _MONK_PREFIX_RE.search(text, max(0, start - 16), start)
        if prefix is not None:
            start = prefix.start()
        if start > 0 and WORD_RE.match(text, start - 1):
            continue  # พระ inside a longer word
        given, family = monk.group("given", "family")
        if _NOT_MONK_TITLE_RE.match(text, monk.start() + 3) or not plausible_given(given):
            continue
        if plausible_family(family, False):
            title = text[start : monk.start("given") - 2]
            found.append(NameMention(start, monk.end(), title, given, family, "monk"))
    return found


def _latin_mentions(text: str) -> list[NameMention]:
    """Latin-script names with a Latin title, or right before a Thai position."""
    found = []
    for latin in LATIN_NAME_RE.finditer(text):
        run = latin_name_run(latin.group())
        parts = split_latin(run)
        if parts is None:
            continue
        title, given, family = parts
        end = latin.start() + len(run)
        if not title and not _bare_latin_name(text, run, end):
            continue
        found.append(NameMention(latin.start(), end, title, given, family, "latin"))
    return found


def _bare_latin_name(text: str, run: str, end: int) -> bool:
    """An untitled capitalised run is a name only right before a post and without topic words."""
    if any(word in LATIN_NON_NAME_WORDS for word in run.split(" ")):
        return False
    head = BASE_HEAD_RE.match(text, end + 1) if text.startswith(" ", end) else None
    return head is not None and head.group("base") not in _COMMON_NOUN_HEADS


def _english_position(text: str, name: NameMention) -> tuple[int, int] | None:
    """ "Mr. Takahiro Morita, Chief Representative": an English post after a Latin-script name."""
    post = _ENGLISH_POSITION_RE.match(text, name.end)
    if post is None:
        return None
    # Capitalised words and connectors; a lowercase word or a full stop ends the post.
    end = post.start("post")
    for word in _ENGLISH_WORD_RE.finditer(text, end, post.end("post")):
        if not (word.group()[0].isupper() or word.group() in _ENGLISH_CONNECTORS):
            break
        end = word.end()
        if word.group().endswith("."):
            break
    while text[end - 1] in " ." or text.endswith(tuple(f" {c}" for c in _ENGLISH_CONNECTORS), 0, end):
        end = text.rindex(" ", 0, end) if text[end - 1] not in " ." else end - 1
    return (post.start("post"), end)


def find_mentions(text: str) -> list[Mention]:
    """All person mentions in text order, without overlaps, each with its position span."""
    candidates: list[NameMention] = []
    for match in TITLE_RE.finditer(text):
        mention = titled_mention(text, match)
        if mention is not None:
            candidates.append(mention)
    aliases = [
        (m.end, alias.end()) for m in candidates if (alias := _LATIN_ALIAS_RE.match(text, m.end)) is not None
    ]
    candidates += [
        latin for latin in _latin_mentions(text) if not any(a <= latin.start < b for a, b in aliases)
    ]
    candidates += _monk_mentions(text)
    candidates += _bare_mentions(text)
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    mentions: list[Mention] = []
    last_end = -1
    position_end = -1
    for name in candidates:
        if name.start < last_end:
            continue
        previous_end = last_end
        last_end = name.end
        position = None
        # A name inside someone's position ("ประธานมูลนิธิศาสตราจารย์ปกรณ์ อังศุสิงห์") has no post itself.
        if name.start >= position_end:
            position = _position_of(text, name) or _position_before(
                text, name, max(position_end, previous_end)
            )
        if position is not None:
            position_end = position[1]
        mentions.append(Mention(name, position))
    return _share_list_positions(text, mentions)


# Only spaces, commas and "และ" between two names: a list ("นายสมชาย ใจดี นายสมศักดิ์ รักงาน
# รองปลัดกระทรวงสมมติ"), whose one position after the last name is every listed person's.
_LIST_GAP_RE = re.compile(r"(?:\s|,|และ)*\s(?:\s|,|และ)*")


def _share_list_positions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give the unpositioned names of a list the position written after its last name."""
    shared = list(mentions)
    for index in range(len(shared) - 2, -1, -1):
        current, following = shared[index], shared[index + 1]
        if (
            current.position is None
            and following.position is not None
            and _LIST_GAP_RE.fullmatch(text, current.name.end, following.name.start)
        ):
            shared[index] = Mention(current.name, following.position)
    return shared


def _signs_off(text: str, name: NameMention) -> bool:
    """ "…⏎นายภูมิธรรม เวชยชัย⏎รองนายกรัฐมนตรี…": a full name alone on its line, a specific post
    opening the next line."""
    if not name.family or not text.startswith("\n", name.end):
        return False
    return (
        text.rfind("\n", 0, name.start) + 1 == name.start and specific_head_at(text, name.end + 1) is not None
    )


def _position_of(text: str, name: NameMention) -> tuple[int, int] | None:
    """The position written after the name, or before it when the name is bracketed after it."""
    if name.kind == "latin" or name.given[:1].isascii():
        english = _english_position(text, name)
        if english is not None:
            return english
    if text.startswith(", ", name.end):
        return position_after(text, name.end + 2)  # "นาย Carlo Capasa, ประธาน…"
    alias = _LATIN_ALIAS_RE.match(text, name.end) if name.kind != "latin" else None
    if alias is not None and text.startswith(" ", alias.end()):
        return position_after(text, alias.end() + 1)
    if text.startswith(" ", name.end):
        after = position_after(text, name.end + 1)
        if after is not None:
            return after
    elif name.family and specific_head_at(text, name.end) is not None:
        # The family name was split from a position glued to it ("ทวีสินนายกรัฐมนตรี").
        return position_after(text, name.end)
    elif _signs_off(text, name):
        # A statement's signature: the name on a line of its own, the post on the next line.
        return position_after(text, name.end + 1)
    # "รัฐมนตรีว่าการกระทรวง… (นายวราวุธ ศิลปอาชา)": the post precedes the bracketed name.
    if name.start >= 2 and text[name.start - 1] == "(" and text[name.start - 2] == " ":
        line_start = max(text.rfind("\n", 0, name.start) + 1, name.start - 160)
        for head in BASE_HEAD_RE.finditer(text, line_start, name.start - 2):
            before = position_after(text, head.start())
            if before is not None and before[1] == name.start - 2 and _word_start(text, head.start()):
                return before
    return None


def _position_before(text: str, name: NameMention, floor: int) -> tuple[int, int] | None:
    """ "นายกรัฐมนตรี นายสมชาย ใจดี", "ผู้แทนเครือข่าย… นำโดย นายสมชาย": a post written right before a
    name that has none after it, and that is not the post of the mention before (``floor``)."""
    if not name.title and text.endswith(GLUED_POST, 0, name.start):
        return (name.start - len(GLUED_POST), name.start)  # "นายกเศรษฐา ทวีสิน"
    anchor = name.start - 1
    if anchor < 1 or text[anchor] != " " or name.kind == "royal":
        return None
    if text.endswith(" นำโดย", 0, anchor):
        anchor -= len(" นำโดย")
    line_start = max(text.rfind("\n", 0, anchor) + 1, anchor - 160, floor)
    for head in BASE_HEAD_RE.finditer(text, line_start, anchor):
        if not _word_start(text, head.start()) or not specific_head_at(text, head.start()):
            continue  # "คำแนะนำจากอดีตนายกรัฐมนตรี นายชวน…": after a function word a post starts too
        before = position_after(text, head.start(), chain=False)
        if before is not None and before[1] == anchor:
            return before
    return None


def _word_start(text: str, pos: int) -> bool:
    """A head at ``pos`` starts a word: after a space or quote, or glued after a function word."""
    return (
        pos == 0
        or text[pos - 1] in " \n“\"'("
        or _FUNCTION_WORD_BEFORE_RE.search(text, max(0, pos - 4), pos) is not None
    )
