"""Words and places that make venues: the venue gazetteer compiled into matchers, once per process.

``data/gazetteers/venue_places.tsv`` lists
- ``place``: named places whose province is certain wherever a release mentions them
  (ทำเนียบรัฐบาล, อิมแพ็ค เมืองทองธานี, ministry headquarters);
- ``head``: words that begin a venue name (โรงแรม…, ห้องประชุม…, หอประชุม…). After a bare "ที่",
  which is also a relative pronoun ("ที่ประชุม", "ที่ผ่านมา"), only a head or a place makes a venue;
- ``building``: words that begin the core building of a venue but are too common after a relative
  "ที่" to trigger on their own (กระทรวง…, สำนักงาน…);
- ``room``: parts of a building (ห้อง…, ชั้น…, โถง…): a venue that starts with one has its core after it;
- ``office``: departments with a single head office (กรมโรงงานอุตสาหกรรม…): their province is certain
  only when the venue is that office, so they are kept apart from ``place``;
- ``town``: towns and districts whose province is certain (หาดใหญ่, พัทยา, "Bangkok" in a hotel's
  name): a venue naming one is in that province, but a town alone makes no venue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.gazetteers import load_tsv, trie_pattern
from extract.provinces import Province, province_named


@dataclass(frozen=True, slots=True)
class VenueLexicon:
    place_province: dict[str, Province]  # places and towns
    places: re.Pattern[str]  # any known place, longest first
    towns: re.Pattern[str]  # any known town, longest first
    head: re.Pattern[str]  # a venue head or known place, matched at a position
    building: re.Pattern[str]  # a head or building word (not a room word), matched at a position
    room: re.Pattern[str]  # a room/floor word, matched at a position
    office_province: dict[str, Province]
    offices: re.Pattern[str]  # a department head office, longest first


@lru_cache(maxsize=1)
def venue_lexicon() -> VenueLexicon:
    """The compiled venue gazetteer (loaded on first use, then shared)."""
    by_kind: dict[str, list[str]] = {
        "place": [],
        "town": [],
        "head": [],
        "building": [],
        "room": [],
        "office": [],
    }
    place_province: dict[str, Province] = {}
    office_province: dict[str, Province] = {}
    for row in load_tsv("venue_places"):
        kind, name = row["kind"], row["name"]
        by_kind[kind].append(name)
        if kind in ("place", "town", "office"):
            province = province_named(row["province"])
            if province is None:
                raise ValueError(f"venue_places.tsv: unknown province {row['province']!r} for {name!r}")
            (office_province if kind == "office" else place_province)[name] = province
    places = trie_pattern(by_kind["place"])
    return VenueLexicon(
        place_province=place_province,
        places=re.compile(places),
        towns=re.compile(trie_pattern(by_kind["town"])),
        head=re.compile(trie_pattern(by_kind["head"] + by_kind["place"])),
        building=re.compile(
            trie_pattern(
                [w for w in by_kind["head"] if w not in by_kind["room"]]
                + by_kind["building"]
                + by_kind["place"]
            )
        ),
        room=re.compile(trie_pattern(by_kind["room"])),
        office_province=office_province,
        offices=re.compile(trie_pattern(by_kind["office"])),
    )


def place_province_in(text: str) -> tuple[str, Province] | None:
    """The first well-known place named in ``text`` (else the first town) and its (certain) province."""
    lexicon = venue_lexicon()
    m = lexicon.places.search(text) or lexicon.towns.search(text)
    if m is None:
        return None
    return m.group(0), lexicon.place_province[m.group(0)]


# Before a head office, a venue may only name parts of it; a centre, branch or regional unit that
# names the department ("ศูนย์วิจัยข้าวสมมติ กรมการข้าว") may be anywhere.
_REGIONAL_UNIT = re.compile(r"ศูนย์|สถานี|สาขา|เขต|ภาค|จังหวัด|ด่าน|หน่วย|ค่าย|โครงการ|ฟาร์ม|แปลง|อุทยาน|นิคม|สำนักงาน")
_AFTER_OFFICE = re.compile(r"\s*(?:\([^()]*\))?\s*(?:ชั้น\s?\d+)?\s*$")


def head_office_province_in(venue: str) -> tuple[str, Province] | None:
    """The department head office a venue is in ("ห้องประชุม 5 กรมสมมติ (กส.)") and its province."""
    lexicon = venue_lexicon()
    m = lexicon.offices.search(venue)
    if m is None or _REGIONAL_UNIT.search(venue, 0, m.start()) or not _AFTER_OFFICE.match(venue, m.end()):
        return None
    return m.group(0), lexicon.office_province[m.group(0)]
