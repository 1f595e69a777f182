"""What kind of event the main event is, from cue words (``data/gazetteers/event_types.tsv``).

The programme name says it best ("การประชุมเชิงปฏิบัติการ…" is a workshop, "พิธี…" a ceremony),
and its head word decides when it has several cues.  A name without a cue ("โครงการ…", a quoted
brand name) leaves the decision to the sentence that tells the event ("เป็นประธานเปิดงาน",
"ลงพื้นที่", "เข้ารับการอบรม") and then to the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import cast, get_args

from extract.results import Found
from schemas.models import EventType, Span

CUES_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteers" / "event_types.tsv"
_SCOPES = ("name", "context", "weak", "fallback")


@dataclass(frozen=True, slots=True)
class EventTypeCue:
    pattern: re.Pattern[str]
    event_type: EventType
    scope: str


@lru_cache(maxsize=1)
def load_event_type_cues(path: Path = CUES_PATH) -> tuple[EventTypeCue, ...]:
    """Cue rows in file order (order is priority within a scope)."""
    cues: list[EventTypeCue] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cue, event_type, scope = line.split("\t")
        if event_type not in get_args(EventType) or scope not in _SCOPES:
            raise ValueError(f"bad event type cue row in {path}: {line!r}")
        cues.append(EventTypeCue(re.compile(cue), cast(EventType, event_type), scope))
    return tuple(cues)


def type_from_name(name: str) -> EventType | None:
    """The type named by the earliest cue in a programme name, or None."""
    best: tuple[int, int, EventType] | None = None
    for rank, cue in enumerate(load_event_type_cues()):
        if cue.scope != "name":
            continue
        match = cue.pattern.search(name)
        if match is not None and (best is None or (match.start(), rank) < best[:2]):
            best = (match.start(), rank, cue.event_type)
    return best[2] if best else None


def first_cue(text: str, start: int, end: int, scope: str) -> Found[EventType] | None:
    """The highest-priority cue of a scope found in text[start:end]."""
    for cue in load_event_type_cues():
        if cue.scope != scope:
            continue
        match = cue.pattern.search(text, start, end)
        if match is not None:
            return Found(cue.event_type, match.span())
    return None


def context_cue(text: str, start: int, end: int) -> Found[EventType] | None:
    """The cue of the main verb in text[start:end]: the earliest context cue (at the same place the
    first row), except that a meeting or ceremony frame ("หารือและลงนาม", "พิธีเปิดการสัมมนา")
    gives way to a more specific cue right after it."""
    hits: list[tuple[int, int, int, EventType]] = []
    for rank, cue in enumerate(load_event_type_cues()):
        if cue.scope != "context":
            continue
        match = cue.pattern.search(text, start, end)
        if match is not None:
            hits.append((match.start(), rank, match.end(), cue.event_type))
    if not hits:
        return None
    hits.sort()
    first_start, _, first_end, first_type = hits[0]
    for hit_start, _, hit_end, hit_type in hits[1:]:
        if hit_type in ("meeting", "other") or hit_type == first_type:
            continue
        if first_type in _FRAME_TYPES and hit_start - first_end <= _FRAME_REACH:
            return Found(hit_type, (hit_start, hit_end))
        if (
            first_type == "visit"
            and hit_start - first_end <= _PURPOSE_REACH
            and _PURPOSE.search(text, max(first_end, hit_start - 25), hit_start) is not None
        ):
            return Found(hit_type, (hit_start, hit_end))
    return Found(first_type, (first_start, first_end))


_FRAME_TYPES = ("meeting", "ceremony")
_REFINED_BY_WORKSHOP = ("meeting", "seminar")
_FRAME_REACH = 15  # characters between a frame cue and the cue it gives way to
# "ลงพื้นที่จังหวัด… ณ … เพื่อเป็นประธานเปิดกิจกรรม…", "ลงพื้นที่เมืองคอน เป็นประธานพิธี…": the trip was
# made for the ceremony.
_PURPOSE = re.compile(r"เพื่อ(?:เป็นประธาน|ร่วม|เปิด)|เป็นประธาน")
_PURPOSE_REACH = 200


def classify_event(text: str, name: Found[str] | None, context: tuple[Span, ...]) -> Found[EventType]:
    """Event type of the main event: name cue, then context cues, then weak cues, else other."""
    if name is not None:
        named = type_from_name(name.value)
        if named is not None:
            return Found(named, name.span)
    told = (found for start, end in context if (found := context_cue(text, start, end)) is not None)
    first = next(told, None)
    if first is not None:
        if first.value in _REFINED_BY_WORKSHOP:
            # A headline's meeting or seminar that the dateline tells as a workshop is the workshop
            # ("เสวนาประชาชน…" over "จัดการสัมมนาเชิงปฏิบัติการ…").
            return next((found for found in told if found.value == "workshop"), first)
        return first
    weak_cues = ([(name.span, "weak")] if name is not None else []) + [(span, "fallback") for span in context]
    for (start, end), scope in weak_cues:
        weak = first_cue(text, start, end, scope)
        if weak is not None:
            return weak
    span = context[0] if context else (0, 0)
    return Found(cast(EventType, "other"), span)
