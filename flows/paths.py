"""Where a database's companion state lives: WARC archive, crawl run folders, snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB = Path("data/khaosan.duckdb")
DEMO_DB = Path("data/khaosan-demo.duckdb")


@dataclass(frozen=True)
class StatePaths:
    db: Path
    warc_dir: Path
    runs_dir: Path

    @classmethod
    def for_db(cls, db: Path) -> StatePaths:
        """Keep everything next to the database so one folder is one self-contained installation."""
        base = db.parent / db.stem
        return cls(db=db, warc_dir=Path(f"{base}-warc"), runs_dir=Path(f"{base}-runs"))
