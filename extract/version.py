"""The extractor version: a release number plus a digest of the rules and gazetteers.

Any change to an extractor module or a gazetteer changes the digest, so the reextract flow knows
which stored events were produced by older rules without anyone remembering to bump a number.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

RELEASE = "0.1.0"
_ROOT = Path(__file__).resolve().parent
GAZETTEER_DIR = _ROOT.parent / "data" / "gazetteers"


def _digest() -> str:
    h = hashlib.sha256()
    files = sorted(_ROOT.glob("*.py")) + sorted(GAZETTEER_DIR.glob("*"))
    for path in files:
        if path.is_file():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:10]


EXTRACTOR_VERSION = f"{RELEASE}+{_digest()}"
