"""Shared loading of the curated TSV gazetteers in ``data/gazetteers/``.

A gazetteer is a UTF-8 TSV file with a header row; lines starting with ``#`` and blank lines are
comments. Extractors load them once at import (``load_tsv`` is cached), never per document.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

GAZETTEER_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteers"


@cache
def _read_rows(name: str) -> tuple[dict[str, str], ...]:
    path = GAZETTEER_DIR / (name if name.endswith(".tsv") else f"{name}.tsv")
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            continue
        # Short rows leave trailing columns empty rather than failing: editors drop empty tabs.
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells[: len(header)], strict=True)))
    return tuple(rows)


def load_tsv(name: str) -> list[dict[str, str]]:
    """Rows of ``data/gazetteers/<name>.tsv`` as dicts keyed by the header (cached read).

    Each call returns a new list of the cached row dicts; treat the dicts as read-only.
    """
    return list(_read_rows(name))


def trie_pattern(words: list[str] | set[str] | tuple[str, ...]) -> str:
    """A regex alternation matching any of ``words``, longest first, factored as a prefix trie.

    A flat ``a|ab|abc…`` alternation of hundreds of literals is tried word by word at every text
    position; the trie form shares prefixes, so scanning a release stays linear and fast.
    """
    trie: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, dict]) -> str:
        # Sibling branches start with distinct characters, so at most one can match; the optional
        # group is greedy, so the longest listed word wins.
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            if not branches:
                return ""
            return "(?:" + "|".join(branches) + ")?"
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return render(trie)
