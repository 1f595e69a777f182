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


def _char_normalise(raw: str) -> tuple[list[str], list[int]]:
    """NFC per character run, drop zero-width characters, compose sara am, unify quote styles."""
    quoted = _sparse_translate(raw, _QUOTE_RUNS, _QUOTES)  # one character for one: offsets hold
    if not _NEEDS_CHAR_WORK.search(raw):
        # Common case: nothing to drop or merge.
        chars, offsets = list(quoted), list(range(len(raw)))
        nfc = unicodedata.is_normalized("NFC", quoted)
        return (chars, offsets) if nfc else _nfc_by_cluster(chars, offsets)
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(quoted):
        if ord(ch) in _ZERO_WIDTH:
            continue
        if ch == "\n" and i and raw[i - 1] == "\r":
            continue  # CRLF is one line break, not a paragraph break
        if ch in _LINE_BREAKS:
            ch = "\n"
        # "ํ" + "า" typed separately is how many Thai keyboards/CMSs store "ำ".
        if ch == "\u0e32" and chars and chars[-1] == "\u0e4d":
            chars[-1] = "\u0e33"
            continue
        chars.append(ch)
        offsets.append(i)
    # Dropping a zero-width character can bring marks together that were apart in the input.
    if not unicodedata.is_normalized("NFC", "".join(chars)):
        return _nfc_by_cluster(chars, offsets)
    return chars, offsets


def _nfc_by_cluster(chars: list[str], offsets: list[int]) -> tuple[list[str], list[int]]:
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
        for k, ch in enumerate(unicodedata.normalize("NFC", "".join(chars[i:j]))):
            out.append(ch)
            out_offsets.append(offsets[min(i + k, j - 1)])
        i = j
    return out, out_offsets


def normalise_text(raw: str) -> NormalisedText:
    """NFC, zero-width removal, sara-am composition, one space per run, trimmed lines, Thai digits.

    Newlines are kept (collapsed to at most one blank line) because paragraph breaks carry meaning:
    the headline and lead paragraph locate the main event.
    """
    chars, offsets = _char_normalise(raw)
    joined = "".join(chars)
    out: list[str] = []
    out_offsets: list[int] = []
    pos = 0
    # Walk line by line so leading/trailing blanks of each line disappear with their offsets.
    for match in re.finditer(r"[^\n]*(\n|$)", joined):
        line = match.group(0).rstrip("\n")
        line_start = match.start()
        if match.start() == match.end():
            break
        stripped = line.strip(
            " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
        )
        if not stripped:
            # A blank line becomes one "\n" after the line's own: at most one empty line in a row.
            if out[-1:] == ["\n"] and out[-2:] != ["\n", "\n"]:
                out.append("\n")
                out_offsets.append(offsets[line_start] if line_start < len(offsets) else pos)
            continue
        lead = line.index(stripped[0])
        seg_start = line_start + lead
        end = seg_start + len(stripped)
        if _BLANK_TO_FIX.search(stripped):
            # Whole runs at a time (a per-character loop dominated extraction time): text runs
            # keep their offsets, a run of blanks becomes one space at its first blank.
            for run in _RUNS.finditer(stripped):
                at = seg_start + run.start()
                if run.group("blank"):
                    out.append(" ")
                    out_offsets.append(offsets[at])
                else:
                    out.extend(run.group())
                    out_offsets.extend(offsets[at : seg_start + run.end()])
        else:
            # Already single-spaced: the whole line keeps its characters and offsets.
            out.extend(stripped)
            out_offsets.extend(offsets[seg_start:end])
        out.append("\n")
        out_offsets.append(offsets[end - 1])
        pos = end
    while out and out[-1] == "\n":
        out.pop()
        out_offsets.pop()
    surface = "".join(out)
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
