"""Venue of the main event and its province (stub to be deepened)."""

from __future__ import annotations

from extract.article import Article
from extract.results import Venue


def extract_venue(article: Article) -> Venue:
    """The named place of the main event, its core building and canonical province."""
    return Venue()
