"""Typed records that cross module boundaries: extraction output and crawl output.

The JSON field names of ``EventRecord`` are the extraction contract (see README, "Extraction
contract"); change them only together with the export JSON Schema and a schema migration.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Role = Literal["chair", "speaker", "quoted", "participant", "other"]
Qualifier = Literal["exact", "approx", "at_least"]
EventType = Literal["workshop", "meeting", "seminar", "training", "ceremony", "visit", "campaign", "other"]

# A character span [start, end) in the normalised text of the article.
Span = tuple[int, int]


class Official(BaseModel):
    """A named person in a release, with what the text says they are and did."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(description="Given name + family name as written, without honorific")
    honorific: str = Field("", description="Prefix as written (นาย, ดร., พล.อ., …); '' if none")
    position: str = Field("", description="Position as written next to the name; '' if none")
    organisation: str = Field("", description="Agency named inside the position, if any")
    role: Role = "other"
    is_public_official: bool = Field(
        True, description="False for people named without any position (PDPA: private persons)"
    )
    span: Span | None = Field(None, description="Where the name (with honorific) was found")


class EventRecord(BaseModel):
    """One release's main event: the extraction contract, one per input document."""

    doc_id: str
    is_event: bool = False
    event_date: date | None = None
    event_start: date | None = None
    event_end: date | None = None
    event_time: str | None = Field(None, pattern=r"^\d{2}:\d{2}$")
    venue: str | None = None
    venue_core: str | None = None
    province: str | None = None
    province_code: str | None = Field(None, description="ISO 3166-2:TH code, e.g. TH-52")
    attendee_count: int | None = Field(None, ge=1)
    attendee_qualifier: Qualifier | None = None
    programme_name: str | None = None
    organizer: str | None = None
    event_type: EventType | None = None
    officials: list[Official] = Field(default_factory=list)
    published_date: date | None = None
    title: str | None = None
    fiscal_year: int | None = Field(None, description="ปีงบประมาณ (CE year) if stated, kept apart")
    evidence: dict[str, Span] = Field(
        default_factory=dict, description="Field name -> span in the normalised text"
    )
    extractor_version: str = ""
    error: str | None = None
