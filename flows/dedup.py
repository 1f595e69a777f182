"""Near-duplicate detection for the same release republished on several sites.

A text's fingerprint is the set of its character 5-gram shingles (after removing whitespace, so
re-wrapped or re-spaced copies still match), summarised as a 64-value MinHash signature plus the
shingle count. Two texts are near-duplicates when

    estimated Jaccard >= JACCARD_THRESHOLD (0.5)   or
    estimated containment of the shorter in the longer >= CONTAINMENT_THRESHOLD (0.8)

Containment catches reposts that shorten the release (a provincial office keeping only the lead
paragraphs), which Jaccard alone misses. With 64 permutations the estimate's standard error is at
most 0.0625; unrelated releases score below 0.15. Templated releases (the same wording sent out by
several provinces with names and places changed) can score 0.7 or more, which is why the store only
compares events with the same blocking key (event date) and also requires compatible venues and
provinces before it merges.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np

SHINGLE_SIZE = 5
NUM_PERMUTATIONS = 64
JACCARD_THRESHOLD = 0.5
CONTAINMENT_THRESHOLD = 0.8
# Texts shorter than this many shingles are too short to judge (a headline alone matches too much).
MIN_SHINGLES = 40

# Universal hashing (a*x + b) mod p over 32-bit shingle hashes: with a, x < 2**32 the product fits
# uint64 exactly, so numpy computes it without overflow.
_PRIME = np.uint64(4294967291)  # largest prime below 2**32
# Fixed seed: signatures are stored in the database and must be comparable across processes.
_rng = np.random.default_rng(20240601)
_A = _rng.integers(1, int(_PRIME), size=NUM_PERMUTATIONS, dtype=np.uint64)[:, None]
_B = _rng.integers(0, int(_PRIME), size=NUM_PERMUTATIONS, dtype=np.uint64)[:, None]
_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+")
# Never produced by hashing (values are < _PRIME), so empty texts match nothing.
_EMPTY_SIGNATURE = tuple([2**32 - 1] * NUM_PERMUTATIONS)


@dataclass(frozen=True)
class TextFingerprint:
    shingle_count: int
    minhash: tuple[int, ...]

    def to_blob(self) -> bytes:
        """The signature as little-endian uint32s: one compact value to store."""
        return np.asarray(self.minhash, dtype="<u4").tobytes()

    @classmethod
    def from_blob(cls, shingle_count: int, blob: bytes) -> TextFingerprint:
        return cls(shingle_count, tuple(int(v) for v in np.frombuffer(blob, dtype="<u4")))


@dataclass(frozen=True)
class Similarity:
    jaccard: float
    containment: float

    @property
    def is_near_duplicate(self) -> bool:
        return self.jaccard >= JACCARD_THRESHOLD or self.containment >= CONTAINMENT_THRESHOLD

    @property
    def score(self) -> float:
        return max(self.jaccard, self.containment)


def shingle_hashes(text: str) -> set[int]:
    """CRC32 of every character 5-gram of the text with whitespace removed, case-folded."""
    compact = _SPACE.sub("", text).casefold()
    return {
        zlib.crc32(compact[i : i + SHINGLE_SIZE].encode("utf-8"))
        for i in range(len(compact) - SHINGLE_SIZE + 1)
    }


def fingerprint(text: str) -> TextFingerprint:
    hashes = shingle_hashes(text)
    if not hashes:
        return TextFingerprint(0, _EMPTY_SIGNATURE)
    values = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    permuted = ((_A * values) % _PRIME + _B) % _PRIME
    return TextFingerprint(len(hashes), tuple(int(v) for v in permuted.min(axis=1)))


def similarity(a: TextFingerprint, b: TextFingerprint) -> Similarity:
    """MinHash estimate of Jaccard, and of containment derived from it and the set sizes."""
    if min(a.shingle_count, b.shingle_count) < MIN_SHINGLES:
        return Similarity(0.0, 0.0)
    equal = sum(x == y for x, y in zip(a.minhash, b.minhash, strict=True))
    jaccard = equal / NUM_PERMUTATIONS
    # |A ∩ B| = J (|A| + |B|) / (1 + J)
    intersection = jaccard * (a.shingle_count + b.shingle_count) / (1 + jaccard)
    containment = min(1.0, intersection / min(a.shingle_count, b.shingle_count))
    return Similarity(jaccard, containment)


def _place_key(value: str | None) -> str:
    return _SPACE.sub("", value or "").casefold()


def venues_compatible(
    venue_a: str | None, province_code_a: str | None, venue_b: str | None, province_code_b: str | None
) -> bool:
    """Different provinces never match; venues match when one is missing or one contains the other.

    Containment tolerates extractors keeping more or less of the same place name
    ("ห้องประชุมศาลากลางจังหวัด" vs "ศาลากลางจังหวัด"); numbers must agree, or "ห้องประชุม 1" would
    be contained in "ห้องประชุม 12".
    """
    if province_code_a and province_code_b and province_code_a != province_code_b:
        return False
    key_a, key_b = _place_key(venue_a), _place_key(venue_b)
    if not key_a or not key_b:
        return True
    numbers_a, numbers_b = _NUMBER.findall(key_a), _NUMBER.findall(key_b)
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return False
    return key_a in key_b or key_b in key_a
