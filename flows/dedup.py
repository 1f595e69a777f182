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
    return {int(value) for value in _shingle_crcs(_SPACE.sub("", text).casefold())}


# CRC-32 (zlib's) is affine in its input bits, so for a message of L bytes
#     crc32(m) = ~(_CRC_OF_ZEROS[L] ^ XOR_j _CRC_OF_BYTE[L - 1 - j][m[j]])
# where _CRC_OF_BYTE[k][b] is the raw register after byte b followed by k zero bytes (from a zero
# register) and _CRC_OF_ZEROS[L] the raw register after L zero bytes from the initial ~0. This lets
# numpy hash all of a text's 5-grams at once (~10x faster than zlib.crc32 per 5-gram, which cost a
# millisecond a release) with exactly zlib's values, so stored fingerprints stay comparable.
_MAX_SHINGLE_BYTES = 4 * SHINGLE_SIZE  # UTF-8 needs at most 4 bytes a character


def _crc_tables() -> tuple[np.ndarray, np.ndarray]:
    step = np.zeros(256, dtype=np.uint32)  # the classic byte-at-a-time table
    for byte in range(256):
        register = byte
        for _ in range(8):
            register = (register >> 1) ^ (0xEDB88320 if register & 1 else 0)
        step[byte] = register

    def advance(register: np.ndarray) -> np.ndarray:  # the raw register after one zero byte
        return step[register & 0xFF] ^ (register >> np.uint32(8))

    of_byte = np.zeros((_MAX_SHINGLE_BYTES, 256), dtype=np.uint32)
    of_byte[0] = step
    for k in range(1, _MAX_SHINGLE_BYTES):
        of_byte[k] = advance(of_byte[k - 1])
    of_zeros = np.zeros(_MAX_SHINGLE_BYTES + 1, dtype=np.uint32)
    register = np.array([0xFFFFFFFF], dtype=np.uint32)
    for length in range(_MAX_SHINGLE_BYTES + 1):
        of_zeros[length] = register[0]
        register = advance(register)
    return of_byte, of_zeros


_CRC_OF_BYTE, _CRC_OF_ZEROS = _crc_tables()


def _shingle_crcs(compact: str) -> np.ndarray:
    """zlib.crc32 of the UTF-8 bytes of every SHINGLE_SIZE-character window of `compact`."""
    windows = len(compact) - SHINGLE_SIZE + 1
    if windows <= 0:
        return np.zeros(0, dtype=np.uint32)
    try:
        data = np.frombuffer(compact.encode("utf-8"), dtype=np.uint8)
    except UnicodeEncodeError:  # lone surrogates: hash what can be hashed, one window at a time
        return np.array(
            [
                zlib.crc32(compact[i : i + SHINGLE_SIZE].encode("utf-8", "surrogatepass"))
                for i in range(windows)
            ],
            dtype=np.uint32,
        )
    points = np.frombuffer(compact.encode("utf-32-le"), dtype=np.uint32)
    widths = 1 + (points >= 0x80).astype(np.intp) + (points >= 0x800) + (points >= 0x10000)
    offsets = np.zeros(points.size + 1, dtype=np.intp)
    np.cumsum(widths, out=offsets[1:])
    last = offsets[SHINGLE_SIZE:] - 1  # each window's last byte
    lengths = last + 1 - offsets[:windows]
    register = _CRC_OF_ZEROS[lengths]
    # Byte k from a window's end contributes _CRC_OF_BYTE[k][byte]: one small-table gather per k
    # over all windows at once (a 2-D gather and a row-wise XOR reduction cost twice as much).
    for k in range(int(lengths.max())):
        if k < SHINGLE_SIZE:  # every window has at least SHINGLE_SIZE bytes
            register ^= _CRC_OF_BYTE[k][data[last - k]]
        else:
            contribution = _CRC_OF_BYTE[k][data[np.maximum(last - k, 0)]]
            contribution[lengths <= k] = 0
            register ^= contribution
    return ~register


def fingerprint(text: str) -> TextFingerprint:
    crcs = np.sort(_shingle_crcs(_SPACE.sub("", text).casefold()))
    if not crcs.size:
        return TextFingerprint(0, _EMPTY_SIGNATURE)
    distinct = crcs[np.concatenate(([True], crcs[1:] != crcs[:-1]))]
    # With a, b < p and x < 2**32, a*x + b stays below 2**64, so one modulo gives the permuted value.
    permuted = _A * distinct.astype(np.uint64)
    permuted += _B
    permuted %= _PRIME
    return TextFingerprint(int(distinct.size), tuple(permuted.min(axis=1).tolist()))


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
