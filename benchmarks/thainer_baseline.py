"""PyThaiNLP's ThaiNER 1.5 CRF tagger, run offline from the model file pythainlp ships.

``ThaiNameTagger(version="1.5")`` looks the model up in pythainlp's download catalogue and, offline,
fails; the file itself ships inside the package (``pythainlp/corpus/thainer_crf_1_5_1.model``), so
it is opened directly with python-crfsuite.  Two details keep the tagger faithful to its training:

* Feature names: the model's state features are keyed ``word.isdigit()`` and ``word.prepostag``
  (read from ``Tagger.info()``), while pythainlp 5's feature builder writes ``word.isdigit`` and
  ``word.prevpostag``; the keys are renamed so those weights fire.
* POS tags: the model was trained on Blackboard-treebank tags (NN, VV, PU, …), whose perceptron
  tagger is a download.  The shipped ORCHID perceptron tagger (UD output, spaces as PUNCT like
  Blackboard's) is used and its UD tags mapped back to Blackboard's, the inverse of pythainlp's
  ``blackboard.TO_UD``.  The cost per token is the same as the original tagger's.

Like ``ThaiNameTagger.get_ner``, text is word-tokenised with the "mm" engine; each non-empty line
is tagged as one sequence, as a user tagging a release paragraph by paragraph would.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pycrfsuite
import pythainlp.corpus
from pythainlp.tag import pos_tag
from pythainlp.tag.thainer import ThaiNameTagger
from pythainlp.tokenize import word_tokenize

MODEL_FILE = Path(pythainlp.corpus.__file__).parent / "thainer_crf_1_5_1.model"

_FEATURE_RENAMES = {"word.isdigit": "word.isdigit()", "word.prevpostag": "word.prepostag"}
_UD_TO_BLACKBOARD = {
    "ADJ": "AJ",
    "ADV": "AV",
    "AUX": "AX",
    "CCONJ": "CC",
    "SCONJ": "CC",
    "DET": "AJ",
    "INTJ": "IJ",
    "NOUN": "NN",
    "PROPN": "NN",
    "NUM": "NU",
    "PART": "PA",
    "PRON": "PR",
    "ADP": "PS",
    "PUNCT": "PU",
    "SYM": "PU",
    "VERB": "VV",
    "X": "XX",
}


@lru_cache(maxsize=1)
def _tagger() -> pycrfsuite.Tagger:
    # Belt and braces: any pythainlp corpus lookup that would download must fail instead.
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_FILE))
    return tagger


def tag_line(line: str) -> list[tuple[str, str]]:
    """(token, IOB tag) pairs of one line."""
    tokens = word_tokenize(line, engine="mm")
    if not tokens:
        return []
    tagged = [
        (token, _UD_TO_BLACKBOARD.get(tag, "XX"))
        for token, tag in pos_tag(tokens, engine="perceptron", corpus="orchid_ud")
    ]
    features = [
        {_FEATURE_RENAMES.get(key, key): value for key, value in token_features.items()}
        for token_features in ThaiNameTagger._extract_features(tagged)
    ]
    return list(zip(tokens, _tagger().tag(features), strict=True))


def entities(text: str) -> list[tuple[str, str]]:
    """(entity text, type) of every entity ThaiNER finds in the text, line by line."""
    found: list[tuple[str, str]] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        words: list[str] = []
        kind = ""
        for token, tag in tag_line(line):
            if tag.startswith("I-") and kind == tag[2:]:
                words.append(token)
                continue
            if words:
                found.append(("".join(words).strip(), kind))
            words, kind = ([token], tag[2:]) if tag != "O" else ([], "")
        if words:
            found.append(("".join(words).strip(), kind))
    return found
