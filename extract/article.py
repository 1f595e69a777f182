"""The normalised article every extractor reads: text, header fields and where the body starts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from extract.normalise import NormalisedText
from schemas.models import Span


@dataclass(frozen=True, slots=True)
class Article:
    doc_id: str
    norm: NormalisedText
    title: str | None
    published: date | None
    url: str | None
    body_start: int  # offset in norm.text where the body (after title/date lines) begins
    lead: Span  # headline + first body paragraph: where the main event is told

    @property
    def text(self) -> str:
        """Text for matching (ASCII digits)."""
        return self.norm.text

    def surface(self, span: Span) -> str:
        """The text of a span as written (original digits and sara am spelling), for output values."""
        return self.norm.surface_of(span[0], span[1])
