"""Attendee counts of the main event (stub to be deepened)."""

from __future__ import annotations

from extract.article import Article
from extract.results import AttendeeCount


def extract_attendee_count(article: Article) -> AttendeeCount | None:
    """People attending the main event ("จำนวน 600 คน", "กว่า 300 คน"), or None."""
    return None
