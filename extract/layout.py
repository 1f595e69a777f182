"""Where a release's parts are: title line, publication-date line, body start, lead paragraph."""

from __future__ import annotations

import re
from datetime import date

from extract.article import Article
from extract.normalise import NormalisedText
from extract.thai_dates import parse_thai_date

# Site chrome that precedes the headline in captured page text.
_TITLE_PREFIXES = re.compile(r"^(?:รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-|ขณะนี้คุณอยู่ที่\s*›?\s*)")
_CHROME_LINES = re.compile(r"^(?:พิมพ์|ขณะนี้คุณอยู่ที่\s*›?.*|หน้าแรก.*›.*)$")
_DATE_LINE = re.compile(
    r"^(?:วันที่ลงข่าว\s*:?\s*|วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)(?:ที่)?\s*)?"
    r"[\d/ ]{0,3}.{0,30}\d{2,4}$"
)


def build_article(
    doc_id: str,
    norm: NormalisedText,
    *,
    title: str | None = None,
    published: date | None = None,
    url: str | None = None,
) -> Article:
    """Locate title, publication date, body and lead in a normalised release."""
    text = norm.text
    offset = 0
    body_start = 0
    seen_titles: set[str] = set()
    for line in text.split("\n")[:12]:
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = _TITLE_PREFIXES.sub("", line).strip()
        if not stripped or _CHROME_LINES.match(line):
            body_start = offset
            continue
        if len(line) <= 60 and _DATE_LINE.match(line) and parse_thai_date(line):
            published = published or parse_thai_date(line)
            body_start = offset
            continue
        if title is None:
            title = stripped
            seen_titles.add(stripped)
            body_start = offset
            continue
        if stripped in seen_titles or stripped == (title or ""):
            body_start = offset
            continue
        body_start = start
        break
    lead_end = text.find("\n", body_start)
    lead_end = len(text) if lead_end < 0 else lead_end
    return Article(
        doc_id=doc_id,
        norm=norm,
        title=title,
        published=published,
        url=url,
        body_start=min(body_start, len(text)),
        lead=(min(body_start, len(text)), lead_end),
    )
