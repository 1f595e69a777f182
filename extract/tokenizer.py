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

_TOKEN = re.compile(r"\n+|[\u0e00-\u0e7f]+|[A-Za-z]+\.?|\d+(?:[.,:/]\d+)*|\S")


class ScriptRunTokenizer:
    """Callable spaCy tokenizer: one token per script run, spaces recorded exactly."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for m in _TOKEN.finditer(text):
            if words and m.start() > 0 and text[m.start() - 1] == " ":
                spaces[-1] = True
            elif not words and m.start() > 0:
                # Leading spaces cannot be represented as trailing whitespace: keep them as a token.
                words.append(text[: m.start()])
                spaces.append(False)
            words.append(m.group(0))
            spaces.append(False)
        if words and text.endswith(" "):
            spaces[-1] = True
        return Doc(self.vocab, words=words, spaces=spaces)
