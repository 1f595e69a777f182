"""A fast, offset-exact tokenizer for spaCy Docs over normalised Thai text.

Dictionary word segmentation (pythainlp newmm) costs ~8 ms per release, more than trafilatura's
whole extraction, and the extractors match characters, not words. So the Doc is cut into script
runs (Thai, Latin, numbers, single punctuation marks, newline runs); spans from the extractors are
attached with ``doc.char_span(..., alignment_mode="expand")``. newmm tokens are still used where
words matter: the full-text index.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.vocab import Vocab

_TOKEN = r"\n+|[\u0e00-\u0e7f]+|[A-Za-z]+\.?|\d+(?:[.,:/]\d+)*|\S"
# Each token with the gap after it: text between tokens is only whitespace other than "\n"
# (everything else is a token), so one findall gives words and their trailing spaces without a
# Python step per match.
_TOKEN_AND_GAP = re.compile(rf"({_TOKEN})([^\S\n]*)")
_LEADING_GAP = re.compile(r"[^\S\n]*")


class ScriptRunTokenizer:
    """Callable spaCy tokenizer: one token per script run, spaces recorded exactly."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        pairs = _TOKEN_AND_GAP.findall(text)
        words = [word for word, _ in pairs]
        # A token is followed by a space when the gap before the next token (or the end) ends in one.
        spaces = [gap.endswith(" ") for _, gap in pairs]
        leading = _LEADING_GAP.match(text).end()  # type: ignore[union-attr]  # matches empty at worst
        if pairs and leading:
            # Leading spaces cannot be represented as trailing whitespace: keep them as a token.
            words.insert(0, text[:leading])
            spaces.insert(0, False)
        return Doc(self.vocab, words=words, spaces=spaces)
