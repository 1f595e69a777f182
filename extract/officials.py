"""Officials: every named person in a release, once each, with title, position, agency and role.

Mentions come from ``officials_mentions`` (names and the position written next to each). Here they
are linked into people: a full name opens a person; a later given-name-only mention ("นายวราวุธ
กล่าวว่า") is the same person and never a new one. A person's position is the first one written
next to any of their mentions, unless a later one spells it out in full; their title the first one
written; their role is the strongest across all mentions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.article import Article
from extract.names import FAMILY_NAMES
from extract.officials_mentions import GLUED_POST, Mention, find_mentions
from extract.officials_positions import is_public_position, organisation_of
from extract.officials_roles import ROLE_STRENGTH, is_list_gap, lead_in_role, predicate_role
from extract.results import OfficialsFound
from schemas.models import Official, Role

_POSITION_TRIM = " ,;:-–/"  # not ".": a position may end with an acronym (ปลัด อว.)


@dataclass(slots=True)
class _Person:
    given: str
    family: str
    title: str
    span: tuple[int, int]
    position: tuple[int, int] | None = None
    role: Role = "other"
    mentions: list[Mention] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}" if self.family else self.given


def _confirmed(mention: Mention, repeats: int) -> bool:
    """A full-name reading backed by a position, the family-name list or repetition."""
    return mention.position is not None or mention.name.family in FAMILY_NAMES or repeats > 1


def _link(text: str, mentions: list[Mention]) -> tuple[list[_Person], list[_Person | None]]:
    """People in order of first mention, and the person each mention refers to (None if none)."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.name.full:
            counts[m.name.name] = counts.get(m.name.name, 0) + 1
    confirmed_given = {
        m.name.given: m.name.name for m in mentions if m.name.full and _confirmed(m, counts[m.name.name])
    }
    people: dict[str, _Person] = {}
    by_given: dict[str, _Person] = {}
    owners: list[_Person | None] = []
    for m in mentions:
        key = m.name.name
        if not m.name.full:
            person = by_given.get(m.name.given)
            owners.append(person)
            if person is not None:
                person.mentions.append(m)
            continue
        if not _confirmed(m, counts[key]) and m.name.given in confirmed_given:
            # "นายวราวุธ เห็นว่า…" read as a full name, but วราวุธ has a confirmed family name.
            key = confirmed_given[m.name.given]
        person = people.get(key)
        if person is None:
            given, _, family = key.partition(" ")
            person = _Person(given, family, m.name.title, (m.name.start, m.name.end))
            people[key] = person
        by_given[person.given] = person
        person.mentions.append(m)
        if not person.title:
            person.title = m.name.title  # "นายกเศรษฐา ทวีสิน" in a headline, "นายเศรษฐา ทวีสิน" below
        if person.position is None or _spells_out(text, person.position, m.position):
            person.position = m.position or person.position
        owners.append(person)
    # Given-name-only mentions before the full name ("นายกฯ เศรษฐา" in a headline) link backwards.
    for i, m in enumerate(mentions):
        if owners[i] is None and not m.name.full and m.name.given in by_given:
            owners[i] = by_given[m.name.given]
    return list(people.values()), owners


def _spells_out(text: str, first: tuple[int, int], later: tuple[int, int] | None) -> bool:
    """The later position is the first one and more words ("อธิบดีกรม…" -> "อธิบดีกรม… กระทรวง…",
    "รองนายกรัฐมนตรี" -> "รองนายกรัฐมนตรีและรัฐมนตรีว่าการ…"), or the glued post นายก written in
    full. Other glued continuations are more often prose ("…พันปีหลวงที่ทรง…") than a post."""
    if later is None or later[1] - later[0] <= first[1] - first[0]:
        return False
    written = text[first[0] : first[1]]
    if not text.startswith(written, later[0]):
        return False
    rest = later[0] + len(written)
    return written == GLUED_POST or text.startswith((" ", "และ"), rest)


def _end_of(mention: Mention) -> int:
    return mention.position[1] if mention.position else mention.name.end


def _assign_roles(text: str, mentions: list[Mention], owners: list[_Person | None]) -> None:
    """Give each person the strongest role over their mentions; people in one list share a verb."""
    i = 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions) and is_list_gap(text, _end_of(mentions[j]), mentions[j + 1].name.start):
            j += 1
        stop = mentions[j + 1].name.start if j + 1 < len(mentions) else len(text)
        role = predicate_role(text, _end_of(mentions[j]), stop) or lead_in_role(text, mentions[i].name.start)
        for k in range(i, j + 1):
            person = owners[k]
            own = lead_in_role(text, mentions[k].name.start) if k > i else None
            chosen = role or own or "other"
            if person is not None and ROLE_STRENGTH[chosen] > ROLE_STRENGTH[person.role]:
                person.role = chosen
        i = j + 1


def _position_text(article: Article, span: tuple[int, int] | None) -> str:
    if span is None:
        return ""
    # A position may run over a line break (a bracketed qualifier on the next line): one space.
    position = " ".join(article.surface(span).split()).strip(_POSITION_TRIM)
    # A closing bracket of the sentence around the position ("(… ในขณะนั้น)") is not part of it.
    while position.endswith(")") and position.count(")") > position.count("("):
        position = position[:-1].rstrip(_POSITION_TRIM)
    return position


def _as_written(article: Article, value: str, span: tuple[int, int]) -> str:
    """`value` (read from the matching text) as the author wrote it inside `span`: names keep their
    Thai digits and sara am spelling, which the matching text has normalised."""
    at = article.text.find(value, span[0], span[1])
    return article.surface((at, at + len(value))) if at >= 0 else value


def _official(article: Article, person: _Person) -> Official:
    position = _position_text(article, person.position)
    return Official(
        name=_as_written(article, person.name, person.span),
        honorific=person.title,
        position=position,
        organisation=organisation_of(position),
        role=person.role,
        is_public_official=is_public_position(position),
        span=person.span,
    )


def extract_officials(article: Article) -> OfficialsFound:
    """Every named person in the release, once each, in order of first mention."""
    text = article.text
    mentions = find_mentions(text)
    people, owners = _link(text, mentions)
    _assign_roles(text, mentions, owners)
    return OfficialsFound([_official(article, p) for p in people])
