"""The 77 provinces of Thailand: canonical Thai names, ISO 3166-2:TH codes, and how texts write them.

Releases name a province as "จังหวัดลำปาง", "จ.ลำปาง", a bare "ลำปาง" at the end of an address, or
for Bangkok "กรุงเทพฯ" / "กทม." / "กรุงเทพ". The gazetteer ``data/gazetteers/provinces.tsv`` is
loaded once per process; the matchers here are compiled from it at first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.gazetteers import load_tsv, trie_pattern

# A bare province word only counts when it ends there (a space, punctuation or line end follows):
# several names are also ordinary words or prefixes ("ตาก" in "ตากใบ", "แพร่" in "แพร่ภาพ").
_WORD_END = r"(?=$|[\s/,;:()\"“”'’.!?-])"


@dataclass(frozen=True, slots=True)
class Province:
    name: str  # canonical Thai name, no "จังหวัด"
    name_en: str
    code: str  # ISO 3166-2:TH, e.g. "TH-52"


@dataclass(frozen=True, slots=True)
class ProvinceMention:
    province: Province
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _ProvinceIndex:
    by_surface: dict[str, Province]
    # "จังหวัดX" / "จ.X" (X glued or after one space): a province for certain, even when the next
    # word is glued on ("จังหวัดน่านเป็น…"); longest names first so "นครปฐม" never reads as "นคร…".
    prefixed: re.Pattern[str]
    # X alone as a whole word (or a Bangkok alias, which is never an ordinary word).
    bare: re.Pattern[str]
    # "อำเภอเมืองX" / "อ.เมืองX": the capital district of province X.
    capital_district: re.Pattern[str]
    # "เขตบางรัก": a district of Bangkok (only Bangkok has เขต as its district unit).
    bangkok_district: re.Pattern[str]


@lru_cache(maxsize=1)
def _index() -> _ProvinceIndex:
    by_surface: dict[str, Province] = {}
    for row in load_tsv("provinces"):
        province = Province(name=row["name_th"], name_en=row["name_en"], code=row["iso_3166_2"])
        aliases = [a for a in row["aliases"].split("|") if a]
        for surface in (province.name, *aliases):
            by_surface[surface] = province
    alternation = trie_pattern(list(by_surface))
    prefixed = re.compile(rf"(?:จังหวัด|จ\.)\s?({alternation})")
    bare = re.compile(rf"(?:{alternation}){_WORD_END}")
    capital_district = re.compile(rf"(?:อำเภอ|อ\.)\s?เมือง\s?({alternation}){_WORD_END}")
    districts = trie_pattern([row["name_th"] for row in load_tsv("bangkok_districts")])
    bangkok_district = re.compile(rf"(?:สำนักงาน)?เขต\s?(?:{districts})(?![\u0e01-\u0e2e])")
    return _ProvinceIndex(
        by_surface=by_surface,
        prefixed=prefixed,
        bare=bare,
        capital_district=capital_district,
        bangkok_district=bangkok_district,
    )


def province_alternation() -> str:
    """A regex alternation of every province surface form (names and aliases), longest first."""
    return trie_pattern(list(_index().by_surface))


def province_of_surface(surface: str) -> Province:
    """The province of a surface form matched by ``province_alternation`` (KeyError otherwise)."""
    return _index().by_surface[surface]


def province_named(surface: str) -> Province | None:
    """The province a surface form denotes ("ลำปาง", "จังหวัดลำปาง", "จ.ลำปาง", "กทม."), else None."""
    surface = re.sub(r"^(?:จังหวัด|จ\.)\s?", "", surface.strip())
    return _index().by_surface.get(surface)


def all_provinces() -> list[Province]:
    """Each of the 77 provinces once, in ISO code order."""
    return sorted(set(_index().by_surface.values()), key=lambda p: int(p.code[3:]))


def prefixed_province_at(text: str, pos: int) -> ProvinceMention | None:
    """A "จังหวัดX" / "จ.X" mention starting exactly at ``pos``."""
    m = _index().prefixed.match(text, pos)
    if m is None:
        return None
    return ProvinceMention(_index().by_surface[m.group(1)], m.start(), m.end())


def bare_province_at(text: str, pos: int) -> ProvinceMention | None:
    """A whole-word province name or Bangkok alias starting exactly at ``pos``."""
    m = _index().bare.match(text, pos)
    if m is None:
        return None
    return ProvinceMention(_index().by_surface[m.group(0)], m.start(), m.end())


def capital_district_at(text: str, pos: int) -> ProvinceMention | None:
    """An "อำเภอเมืองX" / "อ.เมืองX" mention starting exactly at ``pos`` (X is the province)."""
    m = _index().capital_district.match(text, pos)
    if m is None:
        return None
    return ProvinceMention(_index().by_surface[m.group(1)], m.start(), m.end())


def bangkok_district_in(text: str, start: int = 0, end: int | None = None) -> ProvinceMention | None:
    """The first "เขตบางรัก"-style Bangkok district in text[start:end], as a mention of Bangkok."""
    index = _index()
    m = index.bangkok_district.search(text, start, len(text) if end is None else end)
    if m is None:
        return None
    return ProvinceMention(index.by_surface["กรุงเทพมหานคร"], m.start(), m.end())


def province_at(text: str, pos: int) -> ProvinceMention | None:
    """A province mention of any form starting exactly at ``pos`` (a Bangkok district counts)."""
    found = prefixed_province_at(text, pos) or bare_province_at(text, pos) or capital_district_at(text, pos)
    if found is None and text.startswith("เขต", pos):
        district = bangkok_district_in(text, pos, min(len(text), pos + 40))
        if district is not None and district.start == pos:
            return district
    return found


def prefixed_provinces_in(text: str, start: int = 0, end: int | None = None) -> list[ProvinceMention]:
    """Every "จังหวัดX" / "จ.X" mention in text[start:end], in order."""
    index = _index()
    stop = len(text) if end is None else end
    return [
        ProvinceMention(index.by_surface[m.group(1)], m.start(), m.end())
        for m in index.prefixed.finditer(text, start, stop)
    ]
