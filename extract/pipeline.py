"""The extraction pipeline: a spaCy Language whose components each fill one part of the event.

``extract_record`` is the one entry point: a contract input dict in, an ``EventRecord`` out, and
any failure turned into a record with ``error`` set (one bad document never stops a batch).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.article import Article
from extract.attendees import extract_attendee_count
from extract.html import html_to_article
from extract.layout import build_article
from extract.normalise import normalise_text
from extract.officials import extract_officials
from extract.programmes import extract_event_facts
from extract.results import AttendeeCount, EventDates, EventFacts, Found, OfficialsFound, Venue
from extract.thai_dates import extract_event_dates, parse_thai_date
from extract.tokenizer import ScriptRunTokenizer
from extract.venues import extract_venue
from extract.version import EXTRACTOR_VERSION
from schemas.models import EventRecord

# In pipeline order. "facts" comes first because it decides whether the release is an event at all.
_EXTENSIONS: dict[str, Callable[[Article], Any]] = {
    "facts": extract_event_facts,
    "dates": extract_event_dates,
    "venue": extract_venue,
    "attendees": extract_attendee_count,
    "officials": extract_officials,
}
# A release that is not an event gets no venue or attendee count in its record (record_from_doc),
# so these components skip it: about 0.6 ms of a non-event page's ~9, and nearly half the pages
# are not events. Dates (the fiscal year) and officials are kept for every release.
_EVENTS_ONLY = frozenset({"venue", "attendees"})

for _attr in ("article", *_EXTENSIONS):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)


def _make_component(attr: str, fn: Callable[[Article], Any]) -> Callable[[Doc], Doc]:
    events_only = attr in _EVENTS_ONLY

    def component(doc: Doc) -> Doc:
        if events_only and not (doc._.facts and doc._.facts.is_event):
            return doc
        result = fn(doc._.article)
        setattr(doc._, attr, result)
        for label, span in _spans_of(result):
            char_span = doc.char_span(span[0], span[1], label=label, alignment_mode="expand")
            if char_span is not None:
                doc.spans.setdefault("khaosan", []).append(char_span)
        return doc

    return component


for _attr, _fn in _EXTENSIONS.items():
    Language.component(f"khaosan_{_attr}", func=_make_component(_attr, _fn))


def _spans_of(result: Any) -> list[tuple[str, tuple[int, int]]]:
    """(label, span) pairs of a component result, for doc.spans and evidence."""
    if result is None:
        return []
    if isinstance(result, AttendeeCount):
        return [("attendee_count", result.span)]
    if isinstance(result, OfficialsFound):
        return [("official", o.span) for o in result.officials if o.span]
    out = []
    for name in getattr(result, "__slots__", ()):
        value = getattr(result, name)
        if isinstance(value, Found):
            out.append((name, value.span))
    return out


@lru_cache(maxsize=1)
def build_pipeline() -> Language:
    """spacy.blank('th') with the script-run tokenizer and Khaosan's components."""
    nlp = spacy.blank("th")
    # No component reads lexical attributes (like_num, is_alpha…); computing them for every new
    # token string was half of all extraction time.
    nlp.vocab.lex_attr_getters = {}
    nlp.tokenizer = ScriptRunTokenizer(nlp.vocab)
    # spaCy's 1M-character guard protects parser/NER memory; this pipeline has neither, and a page
    # may be as long as the crawler's 10 MB DOWNLOAD_MAXSIZE (every component scans linearly).
    nlp.max_length = 10_000_000
    for attr in _EXTENSIONS:
        nlp.add_pipe(f"khaosan_{attr}")
    return nlp


def _value(found: Found | None) -> Any:
    return found.value if found is not None else None


def _parse_published(value: Any) -> date | None:
    if not value:
        return None
    text = str(value)
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return parse_thai_date(normalise_text(text).text)


def article_from_input(item: dict[str, Any]) -> Article:
    """Build the normalised Article from a contract input line (text or html)."""
    doc_id = str(item["doc_id"])
    published = _parse_published(item.get("published"))
    if item.get("html") and not item.get("text"):
        page = html_to_article(item["html"])
        published = published or page.published
        text = page.text
        first_line = text.lstrip().split("\n", 1)[0].strip()
        if page.title and first_line != page.title.strip():
            text = f"{page.title}\n\n{text}"
    else:
        text = str(item.get("text") or "")
    # The layout pass finds the headline as the first line, for text and HTML input alike.
    return build_article(doc_id, normalise_text(text), published=published, url=item.get("url"))


# Thai government sites have published releases since the 1990s; a date outside these years is a
# misread or historical year ("2100" as CE, BE 2650), never the event's date, so it is not stored.
PLAUSIBLE_EVENT_YEARS = range(1990, 2100)


def _implausible_date(value: Any) -> bool:
    return isinstance(value, date) and value.year not in PLAUSIBLE_EVENT_YEARS


def record_from_doc(doc: Doc) -> EventRecord:
    """Assemble the contract record from the components' results on a processed Doc."""
    article: Article = doc._.article
    dates: EventDates = doc._.dates or EventDates()
    venue: Venue = doc._.venue or Venue()
    attendees: AttendeeCount | None = doc._.attendees
    facts: EventFacts = doc._.facts or EventFacts()
    officials: OfficialsFound = doc._.officials or OfficialsFound()
    record = EventRecord(
        doc_id=article.doc_id,
        is_event=facts.is_event,
        published_date=article.published,
        title=article.title,
        officials=officials.officials,
        fiscal_year=_value(dates.fiscal_year),
        extractor_version=EXTRACTOR_VERSION,
    )
    evidence: dict[str, tuple[int, int]] = {}
    if facts.is_event:
        fields: dict[str, Found | None] = {
            "event_date": dates.date,
            "event_start": dates.start or dates.date,
            "event_end": dates.end or dates.date,
            "event_time": dates.time,
            "venue": venue.venue,
            "province": venue.province,
            "programme_name": facts.programme_name,
            "organizer": facts.organizer,
            "event_type": facts.event_type,
        }
        for name, found in fields.items():
            if found is not None and not _implausible_date(found.value):
                setattr(record, name, found.value)
                evidence[name] = found.span
        record.venue_core = venue.venue_core
        record.province_code = venue.province_code
        if attendees is not None:
            record.attendee_count = attendees.count
            record.attendee_qualifier = attendees.qualifier
            evidence["attendee_count"] = attendees.span
    record.evidence = evidence
    return record


def article_doc(nlp: Language, article: Article) -> Doc:
    """The article's Doc with every component's result set. This is `nlp(article.text)` split in
    two, because the components read `doc._.article`, which must be set before they run."""
    doc = nlp.make_doc(article.text)
    doc._.article = article
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def extract_article_and_record(item: dict[str, Any]) -> tuple[Article | None, EventRecord]:
    """Contract input line -> (normalised Article, EventRecord); never raises for a bad document.

    The Article is None when the input could not even be normalised; the record then carries
    ``error`` saying what failed for which doc_id.
    """
    doc_id = str(item.get("doc_id", ""))
    article: Article | None = None
    try:
        article = article_from_input(item)
        nlp = build_pipeline()
        # Token strings of a release are almost all unique: without a memory zone the vocabulary
        # would grow for the whole life of a process (~25 KB per document).
        with nlp.memory_zone():
            return article, record_from_doc(article_doc(nlp, article))
    except Exception as exc:  # a document's failure is data, recorded in its line
        return article, EventRecord(
            doc_id=doc_id,
            extractor_version=EXTRACTOR_VERSION,
            error=f"extraction failed for doc_id={doc_id!r}: {type(exc).__name__}: {exc}; "
            "the input was kept, report the document with this message",
        )


def extract_record(item: dict[str, Any]) -> EventRecord:
    """Contract input line -> EventRecord; never raises for a bad document."""
    return extract_article_and_record(item)[1]
