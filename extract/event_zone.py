"""Where the main event is told: the paragraphs of a release ranked by how central they are.

Releases open with a headline (often repeated, sometimes with sub-headlines) and then one
"dateline" paragraph ("วันนี้ (28 ต.ค. 62) เวลา 10.30 น. … เป็นประธาน …") that tells who did what,
where and when.  Later paragraphs quote speeches, background, statistics and other activities, so
extractors look at the dateline paragraph first, then the headline block above it, then the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.article import Article
from schemas.models import Span

# A date told near the start of a paragraph marks the paragraph that reports the activity.
_DATELINE_CUE = re.compile(
    r"วันนี้\s*\(|เมื่อวันที่|เมื่อวัน\S*ที่\s*\d|วันที่\s*\d|ระหว่างวันที่|^\(?\d{1,2}\s*\S+\s*\d{2,4}\)?",
    re.M,
)
_DATE_ONLY = re.compile(r"[\w]{0,12}[\d/ .:-]+")
_DATELINE_REACH = 160  # characters from a paragraph's start within which the date must appear
_MAX_HEAD_PARAGRAPHS = 6  # the dateline paragraph is among the first few body paragraphs


@dataclass(frozen=True, slots=True)
class EventZone:
    """Paragraph spans of a release, grouped by how likely they tell the main event."""

    dateline: Span  # the paragraph that reports the activity (or the first body paragraph)
    headline: tuple[Span, ...]  # title line(s) and sub-headline paragraphs before the dateline
    rest: tuple[Span, ...]  # every later paragraph, in order

    @property
    def main(self) -> tuple[Span, ...]:
        """Dateline paragraph first, then the headline block."""
        return (self.dateline, *self.headline)


def paragraph_spans(text: str, start: int = 0) -> list[Span]:
    """Non-empty lines of text from start on, as (start, end) spans."""
    spans: list[Span] = []
    offset = start
    for line in text[start:].split("\n"):
        end = offset + len(line)
        if line.strip():
            spans.append((offset, end))
        offset = end + 1
    return spans


# Several extractors read the zone of the same article in turn; remember the last one.
_last_zone: tuple[Article, EventZone] | None = None


def locate_event_zone(article: Article) -> EventZone:
    """Split an article into dateline paragraph, headline block and the rest (cached per article)."""
    global _last_zone
    if _last_zone is not None and _last_zone[0] is article:
        return _last_zone[1]
    zone = _locate(article)
    _last_zone = (article, zone)
    return zone


def _locate(article: Article) -> EventZone:
    text = article.text
    head = [span for span in paragraph_spans(text[: article.body_start]) if _is_prose(text, span)]
    body = paragraph_spans(text, article.body_start)
    if not body:
        end = len(text)
        return EventZone(dateline=(end, end), headline=tuple(head), rest=())
    index = next(
        (
            i
            for i, (start, end) in enumerate(body[:_MAX_HEAD_PARAGRAPHS])
            if _DATELINE_CUE.search(text, start, min(end, start + _DATELINE_REACH))
        ),
        0,
    )
    return EventZone(
        dateline=body[index],
        headline=tuple(head + body[:index]),
        rest=tuple(body[index + 1 :]),
    )


def _is_prose(text: str, span: Span) -> bool:
    """Headline-block lines worth reading: not bare dates, 'พิมพ์' or site chrome."""
    return span[1] - span[0] > 20 and _DATE_ONLY.fullmatch(text, span[0], span[1]) is None
