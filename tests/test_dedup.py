"""Near-duplicate fingerprints: reposts match, different releases do not."""

from __future__ import annotations

import zlib

import pytest

from flows.dedup import (
    MIN_SHINGLES,
    NUM_PERMUTATIONS,
    TextFingerprint,
    fingerprint,
    shingle_hashes,
    similarity,
    venues_compatible,
)
from tests.store_factories import (
    RELEASE_FLOOD,
    RELEASE_LAMPANG,
    RELEASE_LAMPANG_REPOST,
    RELEASE_LAMPANG_SHORT,
    RELEASE_PHRAE,
    RELEASE_TRAINING,
)


@pytest.mark.parametrize(
    "copy",
    [
        RELEASE_LAMPANG,
        RELEASE_LAMPANG_REPOST,  # agency header added, one word changed
        RELEASE_LAMPANG_SHORT,  # repost that keeps only the lead paragraph
        RELEASE_LAMPANG.replace(" ", "  ").replace("\n", " "),  # re-spaced, re-wrapped
        RELEASE_LAMPANG + "\nภาพ/ข่าว: กลุ่มงานประชาสัมพันธ์ โทร. 0 5426 5050",  # credit line
    ],
)
def test_reposts_are_near_duplicates(copy: str) -> None:
    assert similarity(fingerprint(RELEASE_LAMPANG), fingerprint(copy)).is_near_duplicate


@pytest.mark.parametrize("other", [RELEASE_FLOOD, RELEASE_TRAINING])
def test_different_releases_are_not_near_duplicates(other: str) -> None:
    match = similarity(fingerprint(RELEASE_LAMPANG), fingerprint(other))
    assert not match.is_near_duplicate
    assert match.score < 0.3


def test_templated_release_of_another_province_is_textually_close() -> None:
    # Why the store also demands the same date and a compatible venue/province.
    assert similarity(fingerprint(RELEASE_LAMPANG), fingerprint(RELEASE_PHRAE)).jaccard > 0.5


def test_fingerprint_is_deterministic_and_sized() -> None:
    first, second = fingerprint(RELEASE_FLOOD), fingerprint(RELEASE_FLOOD)
    assert first == second
    assert len(first.minhash) == NUM_PERMUTATIONS
    assert first.shingle_count == len(shingle_hashes(RELEASE_FLOOD))
    assert all(0 <= value < 2**32 for value in first.minhash)


def _reference_shingle_hashes(text: str) -> set[int]:
    compact = "".join(text.split()).casefold()
    return {zlib.crc32(compact[i : i + 5].encode("utf-8", "surrogatepass")) for i in range(len(compact) - 4)}


def _reference_fingerprint(text: str) -> TextFingerprint:
    """The definition, one 5-gram and one permutation at a time in Python integers: zlib.crc32 of
    each whitespace-free, case-folded 5-gram, then min((a*x + b) mod p) per permutation."""
    from flows import dedup

    hashes = _reference_shingle_hashes(text)
    if not hashes:
        return TextFingerprint(0, tuple([2**32 - 1] * NUM_PERMUTATIONS))
    prime = int(dedup._PRIME)
    return TextFingerprint(
        len(hashes),
        tuple(
            min((int(a) * x + int(b)) % prime for x in hashes)
            for a, b in zip(dedup._A[:, 0], dedup._B[:, 0], strict=True)
        ),
    )


@pytest.mark.parametrize(
    "text",
    [
        RELEASE_FLOOD,
        RELEASE_LAMPANG_SHORT,
        "ABC abc ÀÉÎ ก๊ก 😀x😀y😀z 12345",  # 1- to 4-byte characters in one window
        "😀😀😀😀😀😀",  # 20-byte windows only
        "ไม่มี\ud800ตัวคู่",  # lone surrogate: hashed one window at a time
        "สั้น",
        "",
    ],
)
def test_fingerprint_equals_its_definition(text: str) -> None:
    """Stored fingerprints from earlier runs must stay comparable with new ones, however they are
    computed."""
    assert fingerprint(text) == _reference_fingerprint(text)
    assert shingle_hashes(text) == _reference_shingle_hashes(text)


@pytest.mark.parametrize("text", ["", "ข่าว", "วันที่ 5 มีนาคม 2567"])
def test_short_texts_never_match(text: str) -> None:
    assert fingerprint(text).shingle_count < MIN_SHINGLES
    assert not similarity(fingerprint(text), fingerprint(text)).is_near_duplicate


def test_thai_marks_count_in_shingles() -> None:
    assert shingle_hashes("เสื้อผ้าใหม่") != shingle_hashes("เสือผ้าใหม่")


@pytest.mark.parametrize(
    ("venue_a", "code_a", "venue_b", "code_b", "expected"),
    [
        ("ห้องประชุมศาลากลางจังหวัดลำปาง", "TH-52", "ศาลากลางจังหวัดลำปาง", "TH-52", True),
        ("ห้องประชุมศาลากลางจังหวัดลำปาง", "TH-52", None, "TH-52", True),
        (None, None, "หอประชุมอำเภอเวียงสา", "TH-55", True),
        ("ศาลากลางจังหวัดลำปาง", "TH-52", "ศาลากลางจังหวัดแพร่", "TH-54", False),
        (None, "TH-52", None, "TH-54", False),
        ("ห้องประชุม 1 ศาลากลาง", "TH-52", "หอประชุมอำเภอเกาะคา", "TH-52", False),
        ("โรงแรม ริเวอร์ไซด์", "TH-10", "โรงแรมริเวอร์ไซด์", None, True),
        ("ห้องประชุม 1 ชั้น 2 ศาลากลาง", "TH-52", "ห้องประชุม 12 ชั้น 2 ศาลากลาง", "TH-52", False),
        ("หอประชุมอำเภอที่ 1", None, "หอประชุมอำเภอที่ 10", None, False),
        ("ห้องประชุม 1 ชั้น 2", "TH-52", "ห้องประชุม 1 ชั้น 2 ศาลากลางจังหวัด", "TH-52", True),
    ],
)
def test_venues_compatible(venue_a, code_a, venue_b, code_b, expected) -> None:
    assert venues_compatible(venue_a, code_a, venue_b, code_b) is expected
