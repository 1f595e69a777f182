"""The agency that organised the main event, full name as written in the text.

Patterns, most reliable first:
- "ซึ่งจัดโดย X", "ที่จัดขึ้นโดย X" (X may be written in Latin script: "จัดโดย World Bank");
- "X (ACR) โดย Y … จัดงาน/จัดการประชุม/จัดโครงการ…" (Y, the unit that did it; X when no โดย),
  "X ร่วมกับ Z จัด…" (X);
- "… ผู้อำนวยการ/อธิบดี/นายก<agency> กล่าวรายงาน" (the host reports to the chair at Thai
  ceremonies, so the reporter's agency is the organiser);
- a headline "X โดย Y …" or "X จัด/มอบ/ยกย่อง/จับมือ…".
An acronym is given as its full name only when that full name is written somewhere in the release
(an in-text definition "ชื่อเต็ม (ACR)" or the agency gazetteer tells which full name it is); so is
a name shortened with ฯ ("กระทรวงเกษตรฯ").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from extract.article import Article
from extract.event_zone import EventZone, locate_event_zone
from extract.gazetteers import load_tsv
from extract.results import Found
from schemas.models import Span

# Words an agency name starts with.
_AGENCY_HEAD = (
    r"(?:กระทรวง|สำนักนายกรัฐมนตรี|สำนักงาน|สำนัก|กรม|กองทุน|กองบัญชาการ|กองทัพ|กอง|ศูนย์|มูลนิธิ|มหาวิทยาลัย"
    r"|จังหวัด|สมาคม|สภา|สถาบัน|องค์การ|องค์กร|ธนาคาร|บริษัท|เทศบาล|สถานเอกอัครราชทูต|สถานทูต|โรงพยาบาล"
    r"|วิทยาลัย|ชมรม|เครือข่าย|หอการค้า|การ(?:ไฟฟ้า|ประปา|ท่องเที่ยว|รถไฟ|ยาง|กีฬา|เคหะ|ท่าเรือ|นิคม|ทางพิเศษ|บินไทย|สื่อสาร)"
    r"|(?!ตามที่|ที่|ซึ่ง|และ|ว่า|โดย)[ก-๛]{2,12}สมาคม|คณะกรรมการ|คณะกรรมาธิการ|คณะ[ก-๛]{2,20}ศาสตร์|ตำรวจ"
    # the press and market bodies that organise awards and forums
    r"|นิตยสาร|วารสาร|หนังสือพิมพ์|ตลาดหลักทรัพย์|สหภาพ|สมาพันธ์|สถานกงสุล)"
)
_ACRONYM = r"[ก-ฮ]{1,5}\.(?:[ก-ฮ]{1,5}\.?){0,3}"
# How a person's name starts after "โดย": an honorific or rank.
_PERSON_HEAD = (
    r"(?:นาย(?!ก)|นาง|น\.ส\.|ดร\.|ศ\.|รศ\.|ผศ\.|นพ\.|พญ\.|พล\.|พลเอก|พลตำรวจ|พันตำรวจ|พันเอก|พันโท|ว่าที่|"
    r"ร้อยตำรวจ|ร้อยเอก|พ\.ต\.|พ\.อ\.|พ\.ท\.|ร\.ต\.|ม\.ร\.ว\.|คุณ)"
)
_AGENCY_HEAD_RE = re.compile(_AGENCY_HEAD)
_ACRONYM_RE = re.compile(_ACRONYM)
_AGENCY_OR_ACRONYM_PREFIX = re.compile(rf"(?:โดย)?(?:{_AGENCY_HEAD}|{_ACRONYM})")
_WRITTEN_ACRONYM = re.compile(rf"(?:(?P<head>{_AGENCY_HEAD})\s?)?(?P<acr>{_ACRONYM})")
_TRAILING_PAREN = re.compile(r"\s?(?:หรือ\s?)?\([^()]*\)$")
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"\S+")
_PARTNER = re.compile("ร่วมกับ")
_LEADING_QUOTE = re.compile(r"[“”\"]?")
# Function words glued before an agency name ("ตามที่สมาคม…", "โดยสำนักงาน…").
_LEADING_FUNCTION_WORD = re.compile(r"(?:โดย|ตามที่|ซึ่ง)?")
# "น." closes a clock time ("13.00 น."), it is no acronym.
_AGENCY_START = re.compile(rf"^(?!น\.$)(?:โดย|ตามที่|ซึ่ง)?(?:{_AGENCY_HEAD}|{_ACRONYM}$)")
# Tokens that continue an agency name after a space.
_CONTINUATION = re.compile(
    rf"^(?:จังหวัด\S+|ในพระบรมราชูปถัมภ์|ในพระราชูปถัมภ์|ในพระอุปถัมภ์\S*|แห่งประเทศไทย|แห่งชาติ|{_ACRONYM}$|\([^()]{{1,20}}\)$)"
)
# Verbs glued to the end of an agency name ("กระทรวงสาธารณสุขจึงได้จัด…", "จังหวัดขอนแก่นนำร่อง").
_GLUED_VERB = re.compile(
    r"(?:จึง|ได้(?!รับ)|เตรียม|(?<!มีส่วน)ร่วม(?!ทุน)|นำร่อง|ให้การ|ให้ความ|ดำเนินการ|ดำเนินงาน|มีการ|มีนโยบาย|มอบหมาย"
    # a purpose clause; "…เพื่อการเกษตร", "…เพื่อเกษตรกรรม" stay part of a name
    r"|เพื่อ(?:เป็น|ให้|ร่วม|มอบ|แสดง|ยกย่อง|ส่งเสริม|สร้าง))"
)
# What sits between the organiser and the verb: "(พก.)", "หรือ (ศรส.)", "จึงได้", "เตรียม"…
_FILLER_TAIL = re.compile(
    r"(?:\s?(?:หรือ\s?)?\([^()]{1,20}\)|\s?หรือ\s?"
    + _ACRONYM
    + r"|\s?(?:จึงได้|จึง|ได้|เตรียม|จะ|มีกำหนด|กำหนด|ร่วม|ดำเนินการ))+\s?$"
)
_EVENT_HEAD = r"(?:งาน|การประชุม|ประชุม|โครงการ|กิจกรรม|การสัมมนา|สัมมนา|การอบรม|อบรม|ฝึกอบรม|พิธี|มหกรรม|ทำ\s?[“”\"]?โครงการ|\s?[“”\"‘])"
# "การจัดงาน" (the organising of) and "ผู้จัด" (organiser) are nouns, not the verb.
_ORGANISE_VERB = re.compile(rf"(?<!การ)(?<!ผู้)จัด(?:ขึ้น)?(?={_EVENT_HEAD})")
_PLANNED = re.compile(r"(?:จะ|เตรียม|กำหนด|เตรียมการ|มีแผน|เพื่อ)\s?(?:ได้)?$")
_SIDE_EVENT = re.compile(r"\S{0,12}(?:คู่ขนาน|ย่อย)")
_ORGANISED_BY = re.compile(r"จัด(?:ขึ้น|งาน)?โดย\s?")
# Capitalised words, joined by "of"/"and"/"&"…, ending on a capitalised word: "World Bank Group"
# (not a person: "Mr. …").
_LATIN_NAME = re.compile(
    r"(?!(?:Mr|Mrs|Ms|Miss|Dr|Prof|H\.E)\b)[A-Z][\w.&'-]*(?:\s(?:(?:of|and|for|the|de)\s|&\s)?[A-Z][\w.&'-]*)*"
)
_SITE_PREFIX = re.compile(r"(?:รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-)?")
# "X โดย Y" / "X โดยY" (โดย glued to Y is common; glued to X it is a different word).
_BY = re.compile(r"(?<= )โดย\s?")
_REPORTER = re.compile(r"กล่าวรายงาน")
_BY_PERSON = re.compile(r"(?<= )โดย\s?(?=" + _PERSON_HEAD + ")")
_SUBJECT_REACH = 250  # the agency-through-person subject opens the dateline sentence
_REPORTER_LEAD = re.compile(r"\s?(?:เป็นผู้)?$")
_POSITION_PREFIX = re.compile(
    r"^(?:รอง)?(?:อธิบดี|ปลัด|นายก|เลขาธิการ|ผู้อำนวยการ|ผู้ว่าราชการ|ประธาน(?:กรรมการ)?|รัฐมนตรีว่าการ|ผู้บัญชาการ|อธิการบดี|ผู้จัดการ|หัวหน้า)"
)
_HEADLINE_VERB = re.compile(r"\s?(?:จัด|มอบ|ยกย่อง|เปิด|นำร่อง|ลงนาม|ประชุม|อบรม|สัมมนา|รณรงค์|ร่วมกับ|จับมือ)")
# "กรมการขนส่งทางราง กระทรวงคมนาคม จัด…": the parent ministry qualifies the organiser.
_PARENT_MINISTRY = re.compile(r"(?:\s(?:กระทรวง|กรทรวง)\S*)?")
# "รมว.อว. เปิดงาน…", "นรม. ประชุม…": abbreviated titles of people, not agencies.
_PERSON_TITLE = re.compile(r"(?:รมว|รมช|รมต|นรม|ผวจ|ผอ|ปมท|ปกท|ปลัด|อธิบดี|รองนายก|นายก)\.?")
_HEADLINE_BY = re.compile(r"^[“”\"]?(\S+(?:\s\S+)?)\s?โดย\s?(\S+(?:\s" + _ACRONYM + r")?)")
# Known position abbreviations inside acronym definitions: "(รมว.พม.)" after "รัฐมนตรีว่าการกระทรวง…".
_POSITION_ABBREVIATIONS = {
    "รมว.": "รัฐมนตรีว่าการ",
    "รมช.": "รัฐมนตรีช่วยว่าการ",
    "ผอ.": "ผู้อำนวยการ",
    "ผวจ.": "ผู้ว่าราชการ",
    "ปลัด": "ปลัด",
    "รองปลัด": "รองปลัด",
    "อธิบดี": "อธิบดี",
    "รองอธิบดี": "รองอธิบดี",
    "เลขาธิการ": "เลขาธิการ",
}
_DEFINITION = re.compile(r"\(((?:[^()\s]{1,12}\s?)?" + _ACRONYM + r")\)")
# "บริษัทฯ", "กรมฯ": an agency referred back to, not named.
_ABBREVIATED_HEAD = re.compile(rf"{_AGENCY_HEAD}\s?ฯ?")
_AGENCY_TOKENS = 4  # an agency name spans at most this many space-separated tokens
_REST_PARAGRAPHS = 3  # later paragraphs that may still tell who organised the event


@lru_cache(maxsize=1)
def _gazetteer_acronyms() -> dict[str, str]:
    """Acronym -> full name, for acronyms listed once (a repeated acronym is ambiguous)."""
    seen: dict[str, str] = {}
    ambiguous: set[str] = set()
    for row in load_tsv("agencies"):
        acronym, full = row.get("acronym", ""), row.get("full_name", "")
        if not acronym or not full:
            continue
        if acronym in seen and seen[acronym] != full:
            ambiguous.add(acronym)
        seen[acronym] = full
    return {a: f for a, f in seen.items() if a not in ambiguous}


def find_organiser(article: Article, zone: EventZone | None = None) -> Found[str] | None:
    """The organising agency of the main event, or None."""
    text = article.text
    zone = zone or locate_event_zone(article)
    span = _first_rule_match(text, zone.main, _MAIN_RULES)
    span = span or _first_rule_match(text, zone.rest[:_REST_PARAGRAPHS], _REST_RULES)
    span = span or _headline_subject(text, zone)
    if span is None or _ABBREVIATED_HEAD.fullmatch(text, span[0], span[1]):
        return None
    return Found(_expand(article, span), span)


def _first_rule_match(
    text: str, paragraphs: tuple[Span, ...], rules: tuple[Callable[[str, tuple[Span, ...]], Span | None], ...]
) -> Span | None:
    for rule in rules:
        span = rule(text, paragraphs)
        if span is not None:
            return span
    return None


def _organised_by(text: str, paragraphs: tuple[Span, ...]) -> Span | None:
    for start, end in paragraphs:
        for match in _ORGANISED_BY.finditer(text, start, end):
            span = _agency_forward(text, match.end(), end) or _latin_name(text, match.end(), end)
            if span is not None:
                return span
    return None


def _latin_name(text: str, pos: int, end: int) -> Span | None:
    """ "จัดโดย The Economist Impact ร่วมกับ…": an organiser named in Latin script, capitalised words."""
    match = _LATIN_NAME.match(text, pos, end)
    return match.span() if match is not None else None


def _subject_of_organise(text: str, paragraphs: tuple[Span, ...]) -> Span | None:
    for start, end in paragraphs:
        for match in _ORGANISE_VERB.finditer(text, start, end):
            left = max(start, match.start() - 250)
            stop = match.start()
            filler = _FILLER_TAIL.search(text, left, stop)
            if filler is not None:
                stop = filler.start()
            partner = text.rfind("ร่วมกับ", max(left, stop - 150), stop)
            if partner >= 0:
                stop = partner
            span = _agency_backward(text, left, stop)
            if span is not None:
                return span
    return None


def _held_by(text: str, paragraphs: tuple[Span, ...]) -> Span | None:
    """ "X (ได้)จัด<event>" in a later paragraph, unless planned ("จะจัด") or a side event."""
    for start, end in paragraphs:
        for match in _ORGANISE_VERB.finditer(text, start, end):
            if _PLANNED.search(text, max(start, match.start() - 12), match.start()) or _SIDE_EVENT.match(
                text, match.end(), end
            ):
                continue
            # The verb's own sentence, with room for the event word its match looks ahead to.
            span = _subject_of_organise(
                text, ((max(start, match.start() - 250), min(end, match.end() + 40)),)
            )
            if span is not None:
                return span
    return None


def _unit_of_agency(text: str, paragraphs: tuple[Span, ...]) -> Span | None:
    """ "จังหวัดลำปาง โดยสำนักงาน…": the unit (after โดย) of an agency acts for it."""
    for start, end in paragraphs:
        for match in _BY.finditer(text, start, end):
            before = text[max(start, text.rfind(" ", start, match.start() - 1) + 1) : match.start()].strip()
            if not before or not (_AGENCY_HEAD_RE.search(before) or _ACRONYM_RE.fullmatch(before)):
                continue
            span = _agency_forward(text, match.end(), end)
            if span is not None:
                return span
    return None


def _agency_before_cue(
    cue: re.Pattern[str], text: str, paragraphs: tuple[Span, ...], reach: int | None = None
) -> Span | None:
    """The agency named right before the first `cue` ("โดย <person>", "ร่วมกับ") in the paragraphs,
    skipping filler words between them; `reach` limits how far into a paragraph the cue may be."""
    for start, end in paragraphs:
        for match in cue.finditer(text, start, min(end, start + reach) if reach else end):
            stop = match.start()
            filler = _FILLER_TAIL.search(text, max(start, stop - 40), stop)
            span = _agency_backward(text, max(start, stop - 150), filler.start() if filler else stop)
            if span is not None:
                return span
    return None


def _agency_through_person(text: str, paragraphs: tuple[Span, ...]) -> Span | None:
    """ "สำนักงาน X (ACR) โดย รศ.ดร.สมชาย … แถลง…": the agency acts through its officer."""
    return _agency_before_cue(_BY_PERSON, text, paragraphs, reach=_SUBJECT_REACH)


def _lead_partner(text: str, paragraphs: tuple[Span, ...]) -> Span | None:
    """ "X (ACR) ร่วมกับ Y …": X leads."""
    return _agency_before_cue(_PARTNER, text, paragraphs)


def _reporter_agency(text: str, paragraphs: tuple[Span, ...]) -> Span | None:
    for start, end in paragraphs:
        for match in _REPORTER.finditer(text, start, end):
            token_end = _REPORTER_LEAD.search(text, max(start, match.start() - 8), match.start()).start()
            token_start = max(start, text.rfind(" ", start, token_end) + 1)
            token = text[token_start:token_end]
            prefix = _POSITION_PREFIX.match(token)
            if prefix is None:
                continue
            head = _AGENCY_HEAD_RE.search(token, prefix.end())
            if head is not None:
                return (token_start + head.start(), token_end)
    return None


def _headline_subject(text: str, zone: EventZone) -> Span | None:
    for start, end in zone.headline[:3]:
        start += len(_SITE_PREFIX.match(text, start, end).group(0))
        line = text[start:end]
        by = _HEADLINE_BY.match(line)
        if by is not None and _AGENCY_START.match(by.group(2)) and _is_agencyish(by.group(1)):
            return _agency_forward(text, start + by.start(2), end)
        span = _agency_forward(text, _LEADING_QUOTE.match(text, start, end).end(), end)
        if (
            span is not None
            and not _is_person_title(text, span)
            and _HEADLINE_VERB.match(text, _PARENT_MINISTRY.match(text, span[1], end).end(), end)
        ):
            return span
    return None


def _is_person_title(text: str, span: Span) -> bool:
    return _PERSON_TITLE.match(text, span[0], span[1]) is not None


def _is_agencyish(token: str) -> bool:
    return bool(_AGENCY_START.match(token)) or bool(_ACRONYM_RE.fullmatch(token.split(" ")[0]))


def _agency_forward(text: str, pos: int, end: int) -> Span | None:
    """An agency name starting at pos: head token, glued verbs cut, continuation tokens kept."""
    pos += len(_LEADING_FUNCTION_WORD.match(text, pos, end).group(0))
    tokens = _TOKEN.finditer(text, pos, end)
    first = next(tokens, None)
    if first is None or first.start() != pos or not _AGENCY_START.match(first.group(0)):
        return None
    stop = pos + _cut_glued_verb(first.group(0))
    for count, token in enumerate(tokens, start=1):
        if count >= _AGENCY_TOKENS or token.start() != stop + 1 or not _CONTINUATION.match(token.group(0)):
            break
        stop = token.start() + _cut_glued_verb(token.group(0))
    return (pos, stop) if stop > pos else None


def _agency_backward(text: str, left: int, stop: int) -> Span | None:
    """The agency name that ends at stop: the earliest agency-start token of its trailing tokens."""
    while stop > left and text[stop - 1] == " ":
        stop -= 1
    tokens = [m.span() for m in _TOKEN.finditer(text, left, stop)]
    best: int | None = None
    for i in range(len(tokens) - 1, max(-1, len(tokens) - 1 - _AGENCY_TOKENS), -1):
        token = text[tokens[i][0] : tokens[i][1]]
        if _AGENCY_START.match(token):
            best = i
        elif not (_CONTINUATION.match(token) or token == "โดย"):
            break
    if best is None:
        return None
    begin = tokens[best][0]
    # "X โดย Y": the unit that actually organised it is Y.
    by = text.rfind("โดย", begin, stop)
    if by >= 0:
        begin = by + len("โดย")
        while begin < stop and text[begin] == " ":
            begin += 1
    begin += len(_LEADING_FUNCTION_WORD.match(text, begin, stop).group(0))
    first_token_end = text.find(" ", begin, stop)
    first_token_end = stop if first_token_end < 0 else first_token_end
    cut = begin + _cut_glued_verb(text[begin:first_token_end])
    if cut < first_token_end:
        stop = cut  # "กรมประมงให้การสนับสนุนและ…": the name ends where the verb starts
    parent = text.find(" กระทรวง", begin, stop)
    if parent > begin:
        stop = parent  # "กรมการแพทย์ กระทรวงสาธารณสุข": the parent ministry only qualifies it
    return (begin, stop) if stop > begin else None


def _cut_glued_verb(token: str) -> int:
    head = _AGENCY_OR_ACRONYM_PREFIX.match(token)
    offset = head.end() if head else 0
    verb = _GLUED_VERB.search(token, max(offset, 2))
    return verb.start() if verb is not None else len(token)


def _expand(article: Article, span: Span) -> str:
    """The agency as written; an acronym becomes its full name when the text writes that name."""
    written = _SPACES.sub(" ", article.surface(span)).strip()
    written = _TRAILING_PAREN.sub("", written)
    if written.endswith("ฯ"):
        return _unshortened(article.text, written)
    acronym_match = _WRITTEN_ACRONYM.fullmatch(written)
    if acronym_match is None:
        return written
    acronym = acronym_match.group("acr")
    head = acronym_match.group("head") or ""
    compact_text = article.text.replace(" ", "")
    for full in _candidate_full_names(article.text, acronym):
        if head and not full.startswith(head):
            full = head + full
        if full.replace(" ", "") in compact_text:
            return full
    return written


def _unshortened(text: str, written: str) -> str:
    """ "กระทรวงเกษตรฯ" as the listed agency it shortens, when the text writes that name in full."""
    stem = written[:-1].rstrip()
    compact_text = text.replace(" ", "")
    for full in _gazetteer_full_names():
        if full.startswith(stem) and full != stem and full.replace(" ", "") in compact_text:
            return full
    return written


@lru_cache(maxsize=1)
def _gazetteer_full_names() -> tuple[str, ...]:
    return tuple(dict.fromkeys(row["full_name"] for row in load_tsv("agencies") if row.get("full_name")))


def _candidate_full_names(text: str, acronym: str) -> list[str]:
    """Full names for an acronym: in-text definitions first, then the agency gazetteer."""
    names: list[str] = []
    for match in _DEFINITION.finditer(text):
        defined = match.group(1)
        prefix, _, short = defined.rpartition(" ") if " " in defined else ("", "", defined)
        for abbreviation in _POSITION_ABBREVIATIONS:
            if not prefix and short.startswith(abbreviation) and short != abbreviation:
                prefix, short = abbreviation, short[len(abbreviation) :]
                break
        if short != acronym:
            continue
        before = text[max(0, match.start() - 120) : match.start()].rstrip()
        full = before[before.rfind(" ") + 1 :]
        position = _POSITION_ABBREVIATIONS.get(prefix, prefix)
        if position and full.startswith(position):
            full = full[len(position) :]
        elif prefix:
            continue
        if _AGENCY_START.match(full):
            names.append(full)
    known = _gazetteer_acronyms().get(acronym)
    if known:
        names.append(known)
    return names


_MAIN_RULES = (
    _organised_by,
    _subject_of_organise,
    _unit_of_agency,
    _agency_through_person,
    _lead_partner,
    _reporter_agency,
)
# Later paragraphs tell plans, side events and background ("…จะจัดกิจกรรม…", "จัดกิจกรรมคู่ขนาน",
# "กระทรวง X โดยกรม Y มีนโยบาย…"): there only "จัดโดย" and a held "X (ได้)จัด…" name the organiser.
_REST_RULES = (_organised_by, _held_by)
