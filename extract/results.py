"""Typed results each extractor returns: a value plus the span of normalised text it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from schemas.models import EventType, Official, Qualifier, Span

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    """A value and the span [start, end) of the normalised text that supports it."""

    value: T
    span: Span


@dataclass(frozen=True, slots=True)
class EventDates:
    date: Found[date] | None = None
    start: Found[date] | None = None
    end: Found[date] | None = None
    time: Found[str] | None = None  # "HH:MM"
    fiscal_year: Found[int] | None = None  # CE year of a ปีงบประมาณ mention, never an event date


@dataclass(frozen=True, slots=True)
class Venue:
    venue: Found[str] | None = None  # as written, no ณ/ที่, no district/province words
    venue_core: str | None = None  # the building/place alone
    province: Found[str] | None = None  # canonical Thai name, no "จังหวัด"
    province_code: str | None = None  # ISO 3166-2:TH


@dataclass(frozen=True, slots=True)
class AttendeeCount:
    count: int
    qualifier: Qualifier
    span: Span


@dataclass(frozen=True, slots=True)
class EventFacts:
    is_event: bool = False
    programme_name: Found[str] | None = None
    event_type: Found[EventType] | None = None
    organizer: Found[str] | None = None


@dataclass(frozen=True, slots=True)
class OfficialsFound:
    officials: list[Official] = field(default_factory=list)
