"""Officials: honorific, name, position, organisation and role (stub to be deepened)."""

from __future__ import annotations

from extract.article import Article
from extract.results import OfficialsFound


def extract_officials(article: Article) -> OfficialsFound:
    """Every named person in the release, once each, in order of first mention."""
    return OfficialsFound()
