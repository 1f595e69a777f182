"""Row models of the exported dataset, and the JSON Schema of the exported event record.

`schemas/event.schema.json` is generated from these models (`uv run python -m schemas.export_schema`)
and committed; a test checks it is up to date. The export's DATA_DICTIONARY.md takes its column
descriptions from the same models, so the schema, the dictionary and the files cannot drift apart.
"""

from __future__ import annotations

import json
from copy import copy
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from schemas.models import EventRecord, Role

SCHEMA_PATH = Path(__file__).resolve().parent / "event.schema.json"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class ExportedOfficial(BaseModel):
    """A person named in one of the event's mentions (one entry per person per event)."""

    model_config = ConfigDict(extra="forbid")

    official_id: str | None = Field(
        description="Stable id of the person across documents; null when the name is withheld (PDPA)"
    )
    name: str | None = Field(
        description="Given name + family name as written; null for private persons unless the export "
        "was made with include_private_names"
    )
    honorific: str = Field(description="Prefix as written (นาย, ดร., พล.อ., …); '' if none")
    position: str = Field(description="Position as written next to the name; '' if none")
    organisation: str = Field(description="Agency named inside the position, if any")
    role: Role = Field(description="chair, speaker, quoted, participant or other")
    is_public_official: bool = Field(description="False for people named without any position")
    span: list[int] | None = Field(
        description="[start, end) of the name in the normalised text of the article `article_id`"
    )
    article_id: str = Field(description="The mention (article) this person was found in")


# Descriptions for EventRecord fields whose model leaves them undocumented.
_EVENT_FIELD_DESCRIPTIONS = {
    "event_date": "Date the event took place (the first day of a multi-day event)",
    "event_start": "First day of a multi-day event",
    "event_end": "Last day of a multi-day event",
    "event_time": "Start time HH:MM (24 h) as stated",
    "venue": "Venue as written in the release",
    "venue_core": "The venue's core place name (without room or floor)",
    "province": "Province of the venue (Thai name)",
    "province_code": "ISO 3166-2:TH code of the province, e.g. TH-52",
    "attendee_count": "Number of attendees stated in the release",
    "attendee_qualifier": "exact, approx (about) or at_least (more than)",
    "programme_name": "Name of the programme/project (โครงการ…) the event belongs to",
    "organizer": "Agency that organised the event",
    "event_type": "workshop, meeting, seminar, training, ceremony, visit, campaign or other",
    "published_date": "Publication date of the primary mention",
    "title": "Headline of the primary mention",
    "evidence": "Field name -> [start, end) span in the normalised text of the primary mention",
    "extractor_version": "Version of the extractor (release + rules digest) that produced the values",
}
_DROPPED_EVENT_FIELDS = {"doc_id", "is_event", "error", "officials"}

# Export-only columns, in the order they appear before and after the EventRecord fields.
_LEADING_FIELDS: dict[str, Any] = {
    "event_id": (str, Field(description="Stable event id (from the first mention's canonical URL)")),
    "year": (
        int | None,
        Field(description="Year of event_date (else published_date); the Parquet partition key"),
    ),
}
_TRAILING_FIELDS: dict[str, Any] = {
    "officials": (list[ExportedOfficial], Field(description="People named in the event's mentions")),
    "venue_id": (str | None, Field(description="Id of the canonical venue (venue_core + province)")),
    "programme_id": (str | None, Field(description="Id of the canonical programme name")),
    "primary_article_id": (str, Field(description="Article whose values and evidence the event carries")),
    "primary_url": (str | None, Field(description="Canonical URL of the primary mention")),
    "mention_count": (int, Field(description="Number of articles (on any site) reporting the event")),
    "source_ids": (list[str], Field(description="Sources whose articles report the event, sorted")),
    "first_seen": (datetime | None, Field(description="Earliest crawl fetch of any mention (UTC)")),
    "last_seen": (datetime | None, Field(description="Latest crawl fetch of any mention (UTC)")),
}


def _event_fields() -> dict[str, Any]:
    fields: dict[str, Any] = dict(_LEADING_FIELDS)
    for name, info in EventRecord.model_fields.items():
        if name in _DROPPED_EVENT_FIELDS:
            continue
        copied = copy(info)
        if not copied.description:
            copied.description = _EVENT_FIELD_DESCRIPTIONS[name]
        fields[name] = (info.annotation, copied)
    fields.update(_TRAILING_FIELDS)
    return fields


ExportedEvent: type[BaseModel] = create_model(
    "ExportedEvent",
    __config__=ConfigDict(extra="forbid", title="Khaosan exported event"),
    __doc__="One event: a happening reported by one or more government press releases.",
    **_event_fields(),
)


class ExportedMention(BaseModel):
    """One article reporting an event: the event's provenance."""

    model_config = ConfigDict(extra="forbid")

    event_id: str = Field(description="The event the article reports")
    article_id: str = Field(description="Stable article id (from its canonical URL)")
    is_primary: bool = Field(description="True for the mention whose values the event carries")
    similarity: float | None = Field(
        description="Near-duplicate score against the event's earlier mentions (null for the first)"
    )
    source_id: str = Field(description="Source (site) the article was crawled from")
    url: str = Field(description="URL the article was fetched from")
    canonical_url: str = Field(description="Canonical URL of the article")
    title: str | None = Field(description="Headline of the article")
    published_date: date | None = Field(description="Publication date of the article")
    fetched_at: datetime | None = Field(description="When the stored copy was fetched (UTC)")
    extractor_version: str = Field(description="Extractor version of the article's extraction")


class ExportedOfficialActivity(BaseModel):
    """One person across all events (private persons only with include_private_names)."""

    model_config = ConfigDict(extra="forbid")

    official_id: str = Field(description="Stable id of the person across documents")
    name: str = Field(description="Given name + family name as first written")
    honorific: str = Field(description="Honorific as first written")
    position: str = Field(description="Position as written (the first one known)")
    organisation: str = Field(description="Agency named inside the position, if any")
    is_public_official: bool = Field(description="True if ever named with a position")
    event_count: int = Field(description="Number of events the person appears in")
    roles: list[str] = Field(description="Roles the person had, sorted")
    first_date: date | None = Field(description="Earliest event date")
    last_date: date | None = Field(description="Latest event date")


def event_json_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of one line of events.jsonl."""
    schema = ExportedEvent.model_json_schema()
    return {"$schema": JSON_SCHEMA_DIALECT, "$id": "event.schema.json", **schema}


def render_event_schema() -> str:
    return json.dumps(event_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_event_schema(path: Path = SCHEMA_PATH) -> Path:
    path.write_text(render_event_schema(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_event_schema())
