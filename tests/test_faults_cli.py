"""Operator mistakes and hostile surroundings through the `khaosan` CLI (in-process, real DuckDB files):
a database locked by another process, export folders with `..` and planted symlinks, PDPA withholding
of private citizens' names, and sources files with mistakes. Each gives a clear message (what, where,
what to do), a non-zero exit code and no traceback, and leaves the data as it was."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from crawlers.localsite import LocalSite
from extract.pipeline import extract_article_and_record
from flows.cli import app
from flows.store import PageRef, finish_extraction_run, load_extraction, open_db, start_extraction_run
from flows.store_identity import stable_id
from tests.store_factories import write_lock_held_elsewhere

RELEASE_TEXT = AWARDS = (
    "จังหวัดลำพูนมอบรางวัลครอบครัวอบอุ่นดีเด่น ประจำปี 2568\n"
    "วันที่ 9 มกราคม 2568 เวลา 09.30 น. ณ หอประชุมศาลากลางจังหวัดลำพูน นายสมปอง ใจกล้า "
    "ผู้ว่าราชการจังหวัดลำพูน เป็นประธานในพิธีมอบรางวัลครอบครัวอบอุ่นดีเด่น ประจำปี 2568 ให้แก่ "
    "นางบัวผัน คำแสน ชาวบ้านหมู่ที่ 5 ตำบลมะกอก อำเภอป่าซาง และนายทองดี มีสุข ผู้ได้รับรางวัลผู้สูงอายุดีเด่น "
    "พร้อมมอบทุนการศึกษาแก่ เด็กหญิงมะลิ ศรีงาม มีผู้เข้าร่วม 150 คน"
)
PRIVATE_NAMES = ("บัวผัน คำแสน", "ทองดี มีสุข", "มะลิ ศรีงาม")
PUBLIC_NAME = "สมปอง ใจกล้า"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def refused_cleanly(result: Result, code: int) -> bool:
    return result.exit_code == code and "Traceback" not in result.output and result.exception is not None


@pytest.fixture(scope="module")
def events_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding one real extraction of an award ceremony (a governor and three citizens)."""
    db = tmp_path_factory.mktemp("events") / "khaosan.duckdb"
    url = "https://lamphun.m-society.go.th/archives/9001"
    article, record = extract_article_and_record({"doc_id": url, "text": AWARDS})
    assert article is not None and record.is_event
    assert {o.name: o.is_public_official for o in record.officials} == {
        PUBLIC_NAME: True,
        **dict.fromkeys(PRIVATE_NAMES, False),
    }
    con = open_db(db)
    try:
        run_id = start_extraction_run(con, record.extractor_version, "test")
        page = PageRef(
            page_id=stable_id("page", url),
            source_id="sdo-lamphun",
            url=url,
            canonical_url=url,
            content_sha256=stable_id("content", AWARDS),
            warc_file="khaosan-test-00001.warc.gz",
            warc_offset=0,
            fetched_at=datetime(2025, 1, 9, 10, 0),
        )
        outcome = load_extraction(
            con,
            page,
            text=article.norm.surface,
            title=article.title,
            published=article.published,
            record=record,
            run_id=run_id,
        )
        assert outcome.action == "new_event", outcome
        finish_extraction_run(con, run_id, {"pages": 1})
    finally:
        con.close()
    return db


def table_counts(db: Path) -> dict[str, int]:
    con = open_db(db, read_only=True)
    try:
        tables = ("articles", "events", "event_mentions", "event_officials", "officials")
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        con.close()


@pytest.fixture
def locked(events_db: Path) -> Iterator[Path]:
    """Another process holding DuckDB's write lock on the database until the test ends."""
    with write_lock_held_elsewhere(events_db):
        yield events_db


@pytest.mark.parametrize(
    "command",
    [["stats"], ["search", "ครอบครัวอบอุ่น"], ["export", "--format", "jsonl", "--out", "{out}"]],
    ids=["stats", "search", "export"],
)
def test_locked_database_is_a_clear_refusal(locked: Path, tmp_path: Path, command: list[str]) -> None:
    args = [part.format(out=tmp_path / "export") for part in command] + ["--db", str(locked)]
    result = run(*args)
    assert refused_cleanly(result, 3), result.output
    message = " ".join(result.stderr.split())
    assert f"database {locked} is locked" in message and "(PID " in message  # what, where, by whom
    assert "Wait for the running refresh" in message and "snapshot" in message  # what to do


def test_lock_refusal_leaves_the_database_intact(events_db: Path, tmp_path: Path) -> None:
    before = table_counts(events_db)
    # The holder dies without closing: DuckDB must still open the file afterwards.
    with write_lock_held_elsewhere(events_db, then_killed=True):
        assert run("stats", "--db", str(events_db)).exit_code == 3
    assert table_counts(events_db) == before
    assert run("stats", "--db", str(events_db), "--json").exit_code == 0


def test_not_a_database_is_a_clear_refusal(tmp_path: Path) -> None:
    fake = tmp_path / "notes.duckdb"
    fake.write_text("ข้อความธรรมดา ไม่ใช่ฐานข้อมูล\n" * 50, encoding="utf-8")
    result = run("stats", "--db", str(fake))
    assert refused_cleanly(result, 2), result.output
    assert f"cannot open database {fake}" in " ".join(result.stderr.split())


def exported_rows(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]


def test_public_export_leaves_private_citizens_out(events_db: Path, tmp_path: Path) -> None:
    result = run("export", "--db", str(events_db), "--format", "jsonl", "--out", str(tmp_path / "public"))
    assert result.exit_code == 0, result.output
    exported = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "public").iterdir())
    assert PUBLIC_NAME in exported
    for name in PRIVATE_NAMES:
        assert name not in exported  # not in events, officials, the manifest or anywhere else
    (event,) = exported_rows(tmp_path / "public")
    private = [o for o in event["officials"] if not o["is_public_official"]]
    assert len(private) == 3 and all(o["name"] is None and o["official_id"] is None for o in private)


def test_include_private_names_keeps_them(events_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "full"
    args = [
        "export",
        "--db",
        str(events_db),
        "--format",
        "jsonl",
        "--out",
        str(out),
        "--include-private-names",
    ]
    assert run(*args).exit_code == 0
    (event,) = exported_rows(out)
    assert {o["name"] for o in event["officials"]} == {PUBLIC_NAME, *PRIVATE_NAMES}
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["include_private_names"] is True


def files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() or p.is_symlink()}


def test_export_out_with_dotdot_writes_only_inside_the_resolved_folder(
    events_db: Path, tmp_path: Path
) -> None:
    (tmp_path / "work" / "sub").mkdir(parents=True)
    out = tmp_path / "work" / "sub" / ".." / ".." / "exports"
    assert run("export", "--db", str(events_db), "--format", "csv", "--out", str(out)).exit_code == 0
    assert files_under(tmp_path / "work") == set()
    assert files_under(tmp_path / "exports") >= {"events.csv", "manifest.json", "DATA_DICTIONARY.md"}
    assert {p.name for p in tmp_path.iterdir()} == {"work", "exports"}


@pytest.mark.parametrize("planted", ["events.jsonl", "manifest.json", "DATA_DICTIONARY.md", "events.csv.tmp"])
def test_planted_symlink_cannot_redirect_an_export(events_db: Path, tmp_path: Path, planted: str) -> None:
    victim = tmp_path / "elsewhere" / "victim.txt"
    victim.parent.mkdir()
    victim.write_text("ต้องไม่ถูกเขียนทับ\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / planted).symlink_to(victim)
    fmt = "csv" if planted.startswith("events.csv") else "jsonl"
    result = run("export", "--db", str(events_db), "--format", fmt, "--out", str(out))
    assert victim.read_text(encoding="utf-8") == "ต้องไม่ถูกเขียนทับ\n"
    assert files_under(victim.parent) == {"victim.txt"}
    if result.exit_code:
        assert refused_cleanly(result, 2), result.output
        message = " ".join(result.stderr.split())
        assert planted in message and "outside" in message and "choose another --out" in message


SOURCE_MISTAKES = [
    (
        '[[source]]\nid = "dep"\nfamily = "dep"\nbase_url = "{base}"\n\n[[source]]\nid = "x"\nfamily = "nosuch"\n',
        ":8: unknown family 'nosuch'",
    ),
    ('[[source]]\nid = "dep"\nfamily = "dep"\nbase_url = "ftp://{host}"\n', ":4: base_url 'ftp://"),
    (
        '[[source]]\nid = "dep"\nfamily = "dep"\nbase_url = "{base}"\n[[source]]\nid = "dep"\nfamily = "dep"\nbase_url = "{base}"\n',
        ":5: duplicate source id 'dep'",
    ),
    ('[[source]]\nid = "Bad Id"\nfamily = "dep"\nbase_url = "{base}"\n', ":2: source id 'Bad Id'"),
    ('[[source]\nid = "dep"\n', ":1: invalid TOML"),
    (
        '[[source]]\nid = "sdo"\nfamily = "sdo"\nbase_url = "{base}"\n',
        ":1: family 'sdo' needs parameter 'province'",
    ),
]


@pytest.mark.parametrize("command", ["refresh", "crawl"])
@pytest.mark.parametrize(("text", "expected"), SOURCE_MISTAKES)
def test_sources_mistakes_are_named_before_any_request(
    tmp_path: Path, command: str, text: str, expected: str
) -> None:
    with LocalSite() as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(
            text.format(base=site.base_url, host=site.base_url.split("//")[1]), encoding="utf-8"
        )
        args = [command, "--sources", str(sources), "--no-politeness"]
        args += (
            ["--db", str(tmp_path / "k.duckdb")] if command == "refresh" else ["--out", str(tmp_path / "c")]
        )
        result = run(*args)
    assert refused_cleanly(result, 2), result.output
    assert f"{sources}{expected}" in result.stderr
    assert site.requests == []
    assert not (tmp_path / "k.duckdb").exists() and not (tmp_path / "c").exists()
