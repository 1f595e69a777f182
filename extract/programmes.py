"""Programme name, event type, organiser and whether the release reports an event (stub)."""

from __future__ import annotations

from extract.article import Article
from extract.results import EventFacts


def extract_event_facts(article: Article) -> EventFacts:
    """What the main event is called, what kind it is, who organised it."""
    return EventFacts(is_event=True)
