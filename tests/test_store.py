"""The event database: crawl loads, extraction loads, dedup, officials, locking and snapshots."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from flows.dedup import fingerprint
from flows.store import (
    DatabaseLockedError,
    ExtractionInput,
    db_stats,
    finish_extraction_run,
    known_state,
    load_extraction,
    load_extractions,
    open_db,
    pages_to_extract,
    publish_snapshot,
    record_crawl,
    snapshot_path,
    start_extraction_run,
    upsert_sources,
)
from flows.store_identity import stable_id
from flows.store_migrations import LATEST_VERSION
from schemas.models import EventRecord, Official
from tests.store_factories import (
    GOVERNOR,
    RELEASE_FLOOD,
    RELEASE_LAMPANG,
    RELEASE_LAMPANG_REPOST,
    RELEASE_LAMPANG_SHORT,
    RELEASE_PHRAE,
    RELEASE_TRAINING,
    crawled_page,
    flood_record,
    lampang_record,
    page,
    phrae_record,
    training_record,
    write_crawl_run,
)

DATA_TABLES = (
    "pages",
    "listing_state",
    "crawl_errors",
    "crawl_runs",
    "articles",
    "events",
    "event_mentions",
    "officials",
    "event_officials",
    "venues",
    "programmes",
)


def table_contents(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() for table in DATA_TABLES}


@pytest.fixture
def con(tmp_path: Path):
    connection = open_db(tmp_path / "khaosan.duckdb")
    yield connection
    connection.close()


def load(con, url, text, record, *, source="sdo_lampang", fetched=None, title=None, run_id=None):
    run_id = run_id or start_extraction_run(con, record.extractor_version, "test")
    return load_extraction(
        con,
        page(url, source, fetched, text),
        text=text,
        title=title,
        published=date(2024, 3, 5),
        record=record,
        run_id=run_id,
    )


# --- crawl side ------------------------------------------------------------------------------


def test_open_db_migrates_to_latest(con) -> None:
    versions = [row[0] for row in con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()]
    assert versions == list(range(1, LATEST_VERSION + 1))
    assert LATEST_VERSION >= 2


def test_upsert_sources_updates_in_place(con) -> None:
    source = {
        "id": "sdo_lampang",
        "family": "sdo",
        "base_url": "https://lampang.example",
        "enabled": True,
        "params": {"province": "ลำปาง"},
    }
    upsert_sources(con, [source])
    upsert_sources(con, [{**source, "enabled": False}])
    rows = con.execute("SELECT source_id, enabled, params->>'province' FROM sources").fetchall()
    assert rows == [("sdo_lampang", False, "ลำปาง")]


def test_record_crawl_is_idempotent_and_skips_truncated_lines(con, tmp_path: Path) -> None:
    run_dir = write_crawl_run(
        tmp_path / "run1",
        pages=[
            crawled_page("https://lampang.example/archives/101", "a" * 64),
            crawled_page("https://lampang.example/archives/102", "b" * 64, offset=900),
        ],
        listings=[
            {
                "source_id": "sdo_lampang",
                "url": "https://lampang.example/category/news/",
                "status": 200,
                "etag": '"v1"',
                "last_modified": "Tue, 05 Mar 2024 01:00:00 GMT",
                "not_modified": False,
                "article_links": 10,
                "new_links": 2,
            }
        ],
        errors=[
            {
                "source_id": "sdo_lampang",
                "url": "https://lampang.example/archives/99",
                "stage": "http",
                "status": 404,
                "message": "HTTP 404 at https://lampang.example/archives/99; link is dead",
                "at": "2024-03-05T08:01:00Z",
            }
        ],
        truncated='{"source_id": "sdo_lampang", "url": "https://lampang.exa',
    )
    first = record_crawl(con, "run1", run_dir)
    assert (first.pages_read, first.pages_added, first.errors_added) == (2, 2, 1)
    assert len(first.bad_lines) == 1 and "pages.jsonl:3" in first.bad_lines[0]
    before = table_contents(con)
    second = record_crawl(con, "run1", run_dir)
    assert (second.pages_added, second.errors_added) == (0, 0)
    assert table_contents(con) == before
    state = known_state(con)
    assert state["articles"] == {
        "https://lampang.example/archives/101": "a" * 64,
        "https://lampang.example/archives/102": "b" * 64,
    }
    assert state["listings"]["https://lampang.example/category/news/"]["etag"] == '"v1"'


def test_not_modified_listing_keeps_validators(con, tmp_path: Path) -> None:
    listing = {
        "source_id": "dep",
        "url": "https://dep.example/th/news?page=0",
        "status": 200,
        "etag": '"e1"',
        "last_modified": None,
        "not_modified": False,
        "article_links": 20,
        "new_links": 20,
    }
    record_crawl(con, "r1", write_crawl_run(tmp_path / "r1", [], [listing]))
    not_modified = {**listing, "status": 304, "etag": None, "not_modified": True, "new_links": 0}
    record_crawl(con, "r2", write_crawl_run(tmp_path / "r2", [], [not_modified]))
    assert known_state(con)["listings"] == {listing["url"]: {"etag": '"e1"', "last_modified": None}}


def test_pages_to_extract_latest_content_and_version(con, tmp_path: Path) -> None:
    url = "https://lampang.example/archives/101"
    record_crawl(
        con,
        "r1",
        write_crawl_run(
            tmp_path / "r1",
            [
                crawled_page(url, "a" * 64, "2024-03-05T08:00:00Z"),
                crawled_page("https://lampang.example/archives/404", None, status=404),
            ],
        ),
    )
    pages = pages_to_extract(con, "v1")
    assert [p.canonical_url for p in pages] == [url]
    run_id = start_extraction_run(con, "v1", "test")
    record = lampang_record(extractor_version="v1")
    outcome = load_extraction(
        con, pages[0], text=RELEASE_LAMPANG, title=None, published=None, record=record, run_id=run_id
    )
    assert outcome.action == "new_event"
    assert pages_to_extract(con, "v1") == []
    assert [p.page_id for p in pages_to_extract(con, "v2")] == [pages[0].page_id]
    assert len(pages_to_extract(con, "v1", all_pages=True)) == 1
    # The page changed on the site: its newest fetch needs extracting again.
    record_crawl(
        con, "r2", write_crawl_run(tmp_path / "r2", [crawled_page(url, "c" * 64, "2024-03-06T08:00:00Z")])
    )
    changed = pages_to_extract(con, "v1")
    assert [(p.canonical_url, p.content_sha256) for p in changed] == [(url, "c" * 64)]


# --- extraction side -------------------------------------------------------------------------


def test_loading_the_same_extraction_twice_changes_nothing(con) -> None:
    run_id = start_extraction_run(con, "0.1.0+test", "test")
    first = load(
        con, "https://lampang.example/archives/101", RELEASE_LAMPANG, lampang_record(), run_id=run_id
    )
    before = table_contents(con)
    again = load(
        con, "https://lampang.example/archives/101", RELEASE_LAMPANG, lampang_record(), run_id=run_id
    )
    assert again.action == "unchanged" and again.event_id == first.event_id
    assert table_contents(con) == before


def test_event_id_comes_from_the_first_mention(con) -> None:
    url = "https://lampang.example/archives/101"
    outcome = load(con, url, RELEASE_LAMPANG, lampang_record())
    assert outcome.event_id == stable_id("event", url)


@pytest.mark.parametrize(
    ("repost", "source"),
    [
        (RELEASE_LAMPANG, "prd_lampang"),  # verbatim
        (RELEASE_LAMPANG_REPOST, "prd_lampang"),  # header added, one word changed
        (RELEASE_LAMPANG_SHORT, "msociety"),  # lead paragraph only
    ],
)
def test_republished_release_becomes_one_event_with_two_mentions(con, repost: str, source: str) -> None:
    first = load(
        con,
        "https://lampang.example/archives/101",
        RELEASE_LAMPANG,
        lampang_record(),
        fetched=datetime(2024, 3, 5, 8),
    )
    second = load(
        con,
        f"https://{source}.example/news/555",
        repost,
        lampang_record("repost"),
        source=source,
        fetched=datetime(2024, 3, 6, 9),
    )
    assert second.action == "merged" and second.event_id == first.event_id
    assert second.similarity is not None and second.similarity >= 0.8
    row = con.execute("SELECT mention_count, sources, first_seen, last_seen FROM v_events").fetchone()
    assert row == (
        2,
        f"{source}, sdo_lampang" if source < "sdo" else f"sdo_lampang, {source}",
        datetime(2024, 3, 5, 8),
        datetime(2024, 3, 6, 9),
    )
    # The same officials in both mentions are one person each.
    assert con.execute("SELECT official_count FROM v_events").fetchone()[0] == 2


@pytest.mark.parametrize(
    ("text", "record", "reason"),
    [
        (RELEASE_PHRAE, phrae_record(), "templated release of another province"),
        (RELEASE_LAMPANG, lampang_record("later", event_date=date(2024, 3, 12)), "same text, another date"),
        (RELEASE_FLOOD, flood_record(), "different release"),
        (
            RELEASE_LAMPANG_REPOST,
            lampang_record("elsewhere", venue="หอประชุมอำเภอเกาะคา", venue_core=None),
            "same date, incompatible venue",
        ),
    ],
)
def test_different_events_are_not_merged(con, text: str, record: EventRecord, reason: str) -> None:
    first = load(con, "https://lampang.example/archives/101", RELEASE_LAMPANG, lampang_record())
    other = load(con, "https://other.example/news/1", text, record, source="other")
    assert other.action == "new_event", reason
    assert other.event_id != first.event_id


def test_reextraction_updates_event_in_place(con) -> None:
    url = "https://lampang.example/archives/101"
    first = load(con, url, RELEASE_LAMPANG, lampang_record())
    newer = lampang_record(attendee_count=125, attendee_qualifier="exact", extractor_version="0.2.0+test")
    outcome = load(con, url, RELEASE_LAMPANG, newer)
    assert outcome.action == "updated" and outcome.event_id == first.event_id
    row = con.execute("SELECT event_id, attendee_count, extractor_version FROM events").fetchall()
    assert row == [(first.event_id, 125, "0.2.0+test")]
    versions = con.execute("SELECT DISTINCT extractor_version FROM event_officials").fetchall()
    assert versions == [("0.2.0+test",)]


def test_article_that_is_no_longer_an_event_hands_the_event_to_the_next_mention(con) -> None:
    primary = "https://lampang.example/archives/101"
    first = load(con, primary, RELEASE_LAMPANG, lampang_record(), fetched=datetime(2024, 3, 5, 8))
    load(
        con,
        "https://prd.example/news/9",
        RELEASE_LAMPANG_REPOST,
        lampang_record("r", attendee_count=121),
        source="prd_lampang",
        fetched=datetime(2024, 3, 6, 8),
    )
    gone = load(con, primary, RELEASE_LAMPANG, EventRecord(doc_id="x", extractor_version="0.2.0+test"))
    assert gone.action == "no_event"
    rows = con.execute("SELECT event_id, attendee_count, first_seen FROM events").fetchall()
    assert rows == [(first.event_id, 121, datetime(2024, 3, 6, 8))]
    assert con.execute("SELECT count(*) FROM event_mentions WHERE is_primary").fetchone()[0] == 1
    # The last mention going away removes the event.
    load(
        con,
        "https://prd.example/news/9",
        RELEASE_LAMPANG_REPOST,
        EventRecord(doc_id="r", extractor_version="v3"),
        source="prd_lampang",
    )
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 0


def test_only_articles_with_an_event_carry_a_fingerprint(con) -> None:
    """Fingerprints are compared between event mentions only (migration 004), so an article without
    an event stores none, gets one when a re-extraction finds an event, and loses it again."""
    url = "https://lampang.example/archives/101"

    def stored() -> tuple:
        return con.execute("SELECT shingle_count, minhash FROM articles").fetchone()

    load(con, url, RELEASE_LAMPANG, EventRecord(doc_id="x", extractor_version="v1"))
    assert stored() == (None, None)
    load(con, url, RELEASE_LAMPANG, lampang_record(extractor_version="v2"))
    expected = fingerprint(RELEASE_LAMPANG)
    assert stored() == (expected.shingle_count, expected.to_blob())
    load(con, url, RELEASE_LAMPANG, EventRecord(doc_id="x", extractor_version="v3"))
    assert stored() == (None, None)


def test_officials_are_one_row_per_person_across_documents(con) -> None:
    load(con, "https://lampang.example/archives/101", RELEASE_LAMPANG, lampang_record())
    later = lampang_record(
        "later",
        event_date=date(2024, 4, 2),
        officials=[
            # Same governor, position abbreviated and spaced differently.
            Official(name="วีระพงษ์  ศรีสุขสันต์", honorific="นาย", position="ผวจ.ลำปาง", role="chair"),
            # A namesake in another post is another person.
            Official(name="กัลยา ทองมาก", honorific="นาง", position="นายอำเภอเกาะคา", role="speaker"),
        ],
    )
    load(con, "https://lampang.example/archives/140", RELEASE_TRAINING, later)
    activity = dict(
        con.execute("SELECT name || '|' || position, event_count FROM v_official_activity").fetchall()
    )
    assert activity == {
        "วีระพงษ์ ศรีสุขสันต์|ผู้ว่าราชการจังหวัดลำปาง": 2,
        "กัลยา ทองมาก|พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดลำปาง": 1,
        "กัลยา ทองมาก|นายอำเภอเกาะคา": 1,
    }


def test_private_person_is_kept_apart_in_views(con) -> None:
    load(con, "https://nan.example/archives/7", RELEASE_FLOOD, flood_record())
    row = con.execute("SELECT official_names, official_count, private_person_count FROM v_events").fetchone()
    assert row == ("สุรเชษฐ์ วงศ์ใหญ่", 1, 1)


def test_views_aggregate_by_province_and_month(con) -> None:
    load(con, "https://lampang.example/archives/101", RELEASE_LAMPANG, lampang_record())
    load(con, "https://nan.example/archives/7", RELEASE_FLOOD, flood_record())
    load(con, "https://dep.example/th/news/detail/3", RELEASE_TRAINING, training_record())
    rows = con.execute(
        "SELECT province_code, month, event_count, attendees_reported FROM v_events_by_province_month ORDER BY 1"
    ).fetchall()
    assert rows == [
        ("TH-10", date(2023, 1, 1), 1, 60),
        ("TH-52", date(2024, 3, 1), 1, 120),
        ("TH-55", date(2024, 8, 1), 1, 350),
    ]


def test_bad_input_is_reported_not_raised(con) -> None:
    run_id = start_extraction_run(con, "v1", "test")
    outcome = load_extraction(
        con,
        page("https://x.example/1"),
        text=None,
        title=None,
        published=None,  # type: ignore[arg-type]
        record=lampang_record(),
        run_id=run_id,
    )
    assert outcome.action == "error" and "https://x.example/1" in outcome.error
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_batch_load_equals_one_by_one_and_isolates_a_bad_page(tmp_path: Path) -> None:
    """Within a batch, new rows wait in memory (flows/store_pending.py): a person first named
    without a position learns it from the next page, and a repost merges into an event created
    earlier in the same batch and widens its seen-times. Loading page by page must agree."""
    governor_unnamed_post = GOVERNOR.model_copy(update={"position": ""})
    items = [
        ExtractionInput(
            page("https://lampang.example/archives/99", content="0"),
            RELEASE_TRAINING,
            None,
            date(2023, 1, 20),
            training_record().model_copy(update={"officials": [governor_unnamed_post]}),
        ),
        ExtractionInput(
            page("https://lampang.example/archives/101", content="1"),
            RELEASE_LAMPANG,
            None,
            date(2024, 3, 5),
            lampang_record(),
        ),
        ExtractionInput(
            page("https://prd.example/news/9", "prd_lampang", datetime(2024, 3, 7, 10, 30), content="2"),
            RELEASE_LAMPANG_REPOST,
            None,
            date(2024, 3, 5),
            lampang_record("repost"),
        ),
        ExtractionInput(page("https://bad.example/1"), None, None, None, lampang_record("bad")),  # type: ignore[arg-type]
        ExtractionInput(
            page("https://nan.example/archives/7", "sdo_nan", content="3"),
            RELEASE_FLOOD,
            None,
            date(2024, 8, 12),
            flood_record(),
        ),
    ]
    batch_db, single_db = open_db(tmp_path / "batch.duckdb"), open_db(tmp_path / "single.duckdb")
    batch = load_extractions(batch_db, items, run_id="run")
    single = [
        load_extraction(
            single_db,
            i.page,
            text=i.text,
            title=i.title,
            published=i.published,
            record=i.record,
            run_id="run",
        )
        for i in items
    ]
    assert [o.action for o in batch] == ["new_event", "new_event", "merged", "error", "new_event"]
    assert batch == single
    assert table_contents(batch_db) == table_contents(single_db)
    assert batch_db.execute(
        "SELECT count(*), min(position) FROM officials WHERE name_key = (SELECT name_key FROM officials"
        " WHERE position LIKE 'ผู้ว่า%' LIMIT 1)"
    ).fetchone() == (1, GOVERNOR.position)
    seen = batch_db.execute(
        "SELECT first_seen, last_seen FROM events WHERE event_id = ?", [batch[1].event_id]
    )
    assert seen.fetchone() == (datetime(2024, 3, 5, 8, 0), datetime(2024, 3, 7, 10, 30))


def test_finish_run_records_counts_and_drops_unused_dictionary_rows(con) -> None:
    run_id = start_extraction_run(con, "v1", "test")
    url = "https://lampang.example/archives/101"
    load(con, url, RELEASE_LAMPANG, lampang_record(), run_id=run_id)
    load(con, url, RELEASE_LAMPANG, lampang_record(officials=[], programme_name=None), run_id=run_id)
    finish_extraction_run(con, run_id, {"pages": 1, "events": 1})
    assert con.execute("SELECT count(*) FROM officials").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM programmes").fetchone()[0] == 0
    stats = db_stats(con)
    assert stats["tables"]["events"] == 1
    assert stats["events_by_year"] == {"2024": 1}
    assert stats["extractor_versions"] == {"0.1.0+test": 1}
    assert stats["last_refresh"] is not None


# --- single writer, snapshots -----------------------------------------------------------------

_HOLD_LOCK = textwrap.dedent(
    """
    import sys, duckdb
    con = duckdb.connect(sys.argv[1])
    print("locked", flush=True)
    sys.stdin.readline()
    """
)


def test_second_writer_gets_a_clear_lock_error(tmp_path: Path) -> None:
    db = tmp_path / "khaosan.duckdb"
    open_db(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseLockedError) as error:
            open_db(db)
        message = str(error.value)
        assert str(db) in message and f"PID {holder.pid}" in message
        assert str(snapshot_path(db)) in message
        with pytest.raises(DatabaseLockedError):
            open_db(db, read_only=True)
    finally:
        holder.communicate("\n", timeout=30)


_READ_SNAPSHOT = textwrap.dedent(
    """
    import sys, duckdb
    path, rounds = sys.argv[1], int(sys.argv[2])
    print("ready", flush=True)
    for _ in range(rounds):
        con = duckdb.connect(path, read_only=True)
        assert con.execute("SELECT count(*) FROM v_events").fetchone()[0] >= 1
        con.close()
    print("done", flush=True)
    """
)


def test_snapshot_readers_survive_a_writing_refresh(tmp_path: Path) -> None:
    db = tmp_path / "khaosan.duckdb"
    con = open_db(db)
    load(con, "https://lampang.example/archives/101", RELEASE_LAMPANG, lampang_record())
    snapshot = publish_snapshot(db)
    assert snapshot == tmp_path / "khaosan.snapshot.duckdb"
    reader = subprocess.Popen(
        [sys.executable, "-c", _READ_SNAPSHOT, str(snapshot), "300"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert reader.stdout.readline().strip() == "ready"
    for day in range(1, 16):
        record = flood_record(f"flood-{day}").model_copy(update={"event_date": date(2024, 8, day)})
        load(con, f"https://nan.example/archives/{day}", RELEASE_FLOOD + f" ครั้งที่ {day}", record)
        publish_snapshot(db)
    out, err = reader.communicate(timeout=120)
    assert reader.returncode == 0, err
    assert out.strip() == "done"
    con.close()
    latest = duckdb.connect(str(snapshot), read_only=True)
    assert latest.execute("SELECT count(*) FROM events").fetchone()[0] == 16
    latest.close()


@pytest.mark.parametrize(
    ("uncommitted", "checkpoint_refused"),
    [
        # DuckDB checkpoints past an open insert: the snapshot is a copy of the checkpointed file.
        ("INSERT INTO programmes VALUES ('uncommitted', 'โครงการที่ยังไม่บันทึก')", False),
        # An open update makes CHECKPOINT refuse: the snapshot goes through COPY FROM DATABASE.
        ("UPDATE events SET title = 'uncommitted'", True),
    ],
)
def test_snapshot_with_a_transaction_open_holds_only_committed_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, uncommitted: str, checkpoint_refused: bool
) -> None:
    """A transaction still open on another connection never leaks into the snapshot, on either
    of publish_snapshot's two ways of copying."""
    import flows.store

    fallbacks: list[Path] = []
    copy_database = flows.store._copy_database

    def recorded_copy_database(con: duckdb.DuckDBPyConnection, temporary: Path) -> None:
        fallbacks.append(temporary)
        copy_database(con, temporary)

    monkeypatch.setattr(flows.store, "_copy_database", recorded_copy_database)
    db = tmp_path / "khaosan.duckdb"
    con = open_db(db)
    load(con, "https://lampang.example/archives/101", RELEASE_LAMPANG, lampang_record(), title="ข่าวลำปาง")
    committed = table_contents(con)
    con.begin()
    con.execute(uncommitted)
    snapshot = publish_snapshot(db)
    con.rollback()
    con.close()
    assert bool(fallbacks) is checkpoint_refused
    copy = duckdb.connect(str(snapshot), read_only=True)
    assert table_contents(copy) == committed
    copy.close()
