"""Normalise Thai text once, at the boundary, keeping offsets back to the raw input.

Two strings of identical length come out: ``text`` (for matching: Thai digits as ASCII) and
``surface`` (for output: digits as the author wrote them).  Every extractor matches on ``text``
and slices values out of ``surface`` with the same offsets, so fields stay "as written" while the
rules only ever see one digit system.  Sara am typed as two characters ("ํา") is composed to "ำ" in
both, so rules match it; ``surface_of`` restores the author's two characters in output values.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_THAI_DIGIT_RUNS = re.compile("[๐-๙]+")
_QUOTES = str.maketrans({"„": "“", "‟": "“", "″": '"', "〝": "“", "〞": "”", "«": "“", "»": "”"})
_QUOTE_RUNS = re.compile("[„‟″〝〞«»]+")
# Vertical tab, form feed, NEL and the Unicode line/paragraph separators end a line like "\n".
_LINE_BREAKS = frozenset("\r\x0b\x0c\x85\u2028\u2029")
# Characters that make the per-character pass necessary (dropped, merged or turned into "\n").
_NEEDS_CHAR_WORK = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\r\x0b\x0c\x85\u2028\u2029\u0e4d]")
# Horizontal whitespace variants seen in government CMS output (NBSP from WYSIWYG editors, tabs).
_HSPACE_CHARS = " \t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_BLANK_TO_FIX = re.compile("  |[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_RUNS = re.compile(rf"(?P<blank>[{_HSPACE_CHARS}]+)|[^{_HSPACE_CHARS}]+")
_LINE_STRIP = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """Normalised text plus the map from each of its characters to the raw input offset."""

    text: str
    surface: str
    raw_offsets: tuple[int, ...]
    # Offsets of "ำ" that the raw input spelled "ํา" (rare; most texts have none).
    decomposed_am: frozenset[int] = frozenset()

    def surface_of(self, start: int, end: int) -> str:
        """The span as the author wrote it: original digits and sara am spelling."""
        value = self.surface[start:end]
        if not self.decomposed_am or "ำ" not in value:
            return value
        return "".join(
            "\u0e4d\u0e32" if i in self.decomposed_am else ch for i, ch in enumerate(value, start=start)
        )

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to the raw input it came from."""
        if not self.raw_offsets:
            return (0, 0)
        raw_start = self.raw_offsets[min(start, len(self.raw_offsets) - 1)]
        raw_end = self.raw_offsets[end - 1] + 1 if end > start else raw_start
        return (raw_start, raw_end)


def _sparse_translate(s: str, runs: re.Pattern[str], table: dict[int, str]) -> str:
    """str.translate only where needed: translate walks every character of a Thai text (slow)."""
    return runs.sub(lambda m: m.group().translate(table), s)


def _char_normalise(raw: str) -> tuple[str, Sequence[int]]:
    """NFC per character run, drop zero-width characters, compose sara am, unify quote styles."""
    quoted = _sparse_translate(raw, _QUOTE_RUNS, _QUOTES)  # one character for one: offsets hold
    if not _NEEDS_CHAR_WORK.search(raw):
        # Common case: nothing to drop or merge.
        offsets = range(len(raw))
        nfc = unicodedata.is_normalized("NFC", quoted)
        return (quoted, offsets) if nfc else _nfc_by_cluster(quoted, offsets)
    # Runs of ordinary characters are copied whole (a per-character loop over the text was the
    # costliest part of normalising); only _NEEDS_CHAR_WORK characters are looked at singly.
    pieces: list[str] = []
    kept: list[int] = []
    last = ""  # the last character kept so far
    done = 0
    for special in _NEEDS_CHAR_WORK.finditer(quoted):
        i = special.start()
        last = _copy_run(quoted, raw, done, i, pieces, kept, last)
        done = i + 1
        ch = special.group()
        if ord(ch) in _ZERO_WIDTH:
            continue
        if ch in _LINE_BREAKS:
            ch = "\n"
        pieces.append(ch)
        kept.append(i)
        last = ch
    _copy_run(quoted, raw, done, len(quoted), pieces, kept, last)
    chars = "".join(pieces)
    # Dropping a zero-width character can bring marks together that were apart in the input.
    if not unicodedata.is_normalized("NFC", chars):
        return _nfc_by_cluster(chars, kept)
    return chars, kept


def _copy_run(
    quoted: str, raw: str, start: int, end: int, pieces: list[str], kept: list[int], last: str
) -> str:
    """Append quoted[start:end], a run without _NEEDS_CHAR_WORK characters, and its offsets;
    returns the last character kept.  Only the run's first character can meet a rule, because
    "\r" and "ํ" are themselves _NEEDS_CHAR_WORK characters: a "\n" right after "\r" is dropped
    (CRLF is one line break, not a paragraph break) and "า" right after a kept "ํ" composes "ำ"
    (how many Thai keyboards/CMSs store it)."""
    if start >= end:
        return last
    if quoted[start] == "\n" and start and raw[start - 1] == "\r":
        start += 1
    elif quoted[start] == "\u0e32" and last == "\u0e4d":
        pieces[-1] = last = "\u0e33"  # the kept "ํ" is the last piece: specials go in one by one
        start += 1
    if start < end:
        pieces.append(quoted[start:end])
        kept.extend(range(start, end))
        last = quoted[end - 1]
    return last


def _nfc_by_cluster(chars: str, offsets: Sequence[int]) -> tuple[str, list[int]]:
    """NFC one cluster (a base and its combining marks) at a time, so every output character keeps
    an offset into the raw input.  Per cluster, NFC also puts the marks in canonical order: Thai
    "่" typed before "ุ" must become "ุ่" or the same word would not match itself."""
    out: list[str] = []
    out_offsets: list[int] = []
    i = 0
    while i < len(chars):
        j = i + 1
        while j < len(chars) and unicodedata.combining(chars[j]):
            j += 1
        cluster = chars[i:j]
        nfc = unicodedata.normalize("NFC", cluster)
        out.append(nfc)
        if nfc == cluster:
            out_offsets.extend(offsets[i:j])
        else:
            out_offsets.extend(offsets[min(i + k, j - 1)] for k in range(len(nfc)))
        i = j
    return "".join(out), out_offsets


def normalise_text(raw: str) -> NormalisedText:
    """NFC, zero-width removal, sara-am composition, one space per run, trimmed lines, Thai digits.

    Newlines are kept (collapsed to at most one blank line) because paragraph breaks carry meaning:
    the headline and lead paragraph locate the main event.
    """
    joined, offsets = _char_normalise(raw)
    # Output goes in as whole runs of text, each with its offsets (one list item per character
    # cost more than all the rules below).
    out: list[str] = []
    out_offsets: list[int] = []
    pos = 0
    blank_written = False  # the output ends with a blank line's "\n"
    line_start = 0
    lines = joined.split("\n")
    if lines[-1] == "":
        lines.pop()  # text ending in a line break has no line after it
    # Line by line so leading/trailing blanks of each line disappear with their offsets.
    for line in lines:
        this_start, line_start = line_start, line_start + len(line) + 1
        stripped = line.strip(_LINE_STRIP)
        if not stripped:
            # A blank line becomes one "\n" after the line's own: at most one empty line in a row.
            if out and not blank_written:
                out.append("\n")
                out_offsets.append(offsets[this_start] if this_start < len(offsets) else pos)
                blank_written = True
            continue
        lead = line.index(stripped[0])
        seg_start = this_start + lead
        end = seg_start + len(stripped)
        if _BLANK_TO_FIX.search(stripped):
            # Whole runs at a time: text runs keep their offsets, a run of blanks becomes one
            # space at its first blank.
            for run in _RUNS.finditer(stripped):
                at = seg_start + run.start()
                if run.group("blank"):
                    out.append(" ")
                    out_offsets.append(offsets[at])
                else:
                    out.append(run.group())
                    out_offsets.extend(offsets[at : seg_start + run.end()])
        else:
            # Already single-spaced: the whole line keeps its characters and offsets.
            out.append(stripped)
            out_offsets.extend(offsets[seg_start:end])
        out.append("\n")
        out_offsets.append(offsets[end - 1])
        blank_written = False
        pos = end
    surface = "".join(out).rstrip("\n")
    del out_offsets[len(surface) :]
    decomposed_am = (
        frozenset(i for i, ch in enumerate(surface) if ch == "\u0e33" and raw[out_offsets[i]] == "\u0e4d")
        if "\u0e4d\u0e32" in raw
        else frozenset()
    )
    return NormalisedText(
        text=_sparse_translate(surface, _THAI_DIGIT_RUNS, _THAI_DIGITS),
        surface=surface,
        raw_offsets=tuple(out_offsets),
        decomposed_am=decomposed_am,
    )
