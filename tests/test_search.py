"""Thai full-text search: word tokens (nlpo3), tone marks and vowels kept, index follows the articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from flows import search
from flows.search import build_search_index, fts_extension_path, search_articles, search_tokens
from flows.store import load_extraction, open_db, publish_snapshot, start_extraction_run
from schemas.models import EventRecord
from tests.store_factories import RELEASE_FLOOD, RELEASE_LAMPANG, lampang_record, page

# Pairs of words that differ only in a tone mark or a combining vowel, each in its own article.
ARTICLES = {
    "rice": "เกษตรกรอำเภอพานปลูกข้าวหอมมะลิในนาแปลงใหญ่ จำนวน 200 ไร่ ภายใต้การดูแลของสำนักงานเกษตรอำเภอ",
    "news": "จังหวัดเชียงรายจัดประชุมชี้แจงข่าว ให้ผู้นำชุมชนทราบถึงมาตรการป้องกันไฟป่าและหมอกควัน",
    "shirt": "ชมรมจิตอาสามอบเสื้อ ให้นักเรียนโรงเรียนบ้านห้วยทรายที่ขาดแคลนในฤดูหนาว",
    "tiger": "เจ้าหน้าที่อุทยานติดตั้งกล้องดักถ่ายภาพพบเสือ ในป่าสงวนแห่งชาติเป็นครั้งแรกในรอบสิบปี",
    "english": "สำนักงานพาณิชย์จังหวัดจัดอบรม Smart Farmer ให้เกษตรกรรุ่นใหม่เรียนรู้การตลาดออนไลน์",
}


def _load(con: duckdb.DuckDBPyConnection, key: str, text: str, record: EventRecord | None = None) -> str:
    run_id = start_extraction_run(con, "0.1.0+test", "test")
    outcome = load_extraction(
        con,
        page(f"https://news.example/{key}", content=text),
        text=text,
        title=None,
        published=date(2024, 1, 10),
        record=record or EventRecord(doc_id=key),
        run_id=run_id,
    )
    return outcome.article_id


@pytest.fixture
def con(tmp_path: Path):
    connection = open_db(tmp_path / "khaosan.duckdb")
    for key, text in ARTICLES.items():
        _load(connection, key, text)
    build_search_index(connection)
    yield connection
    connection.close()


def _found(con: duckdb.DuckDBPyConnection, query: str) -> list[str]:
    return [hit["url"].rsplit("/", 1)[1] for hit in search_articles(con, query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ข้าว", ["rice"]),  # rice: mai tho
        ("ข่าว", ["news"]),  # news: mai ek
        ("เสื้อ", ["shirt"]),  # shirt: sara uee + mai tho
        ("เสือ", ["tiger"]),  # tiger: no tone mark
        ("smart", ["english"]),  # Latin is lower-cased
        ("SMART farmer", ["english"]),
        ("นาแปลงใหญ่", ["rice"]),  # query tokenised like the text
    ],
)
def test_queries_that_differ_in_one_mark_find_different_articles(
    con, query: str, expected: list[str]
) -> None:
    assert _found(con, query) == expected


def test_index_dictionary_keeps_thai_marks(con) -> None:
    terms = {row[0] for row in con.execute("SELECT term FROM fts_main_article_search.dict").fetchall()}
    assert {"ข้าว", "ข่าว", "เสื้อ", "เสือ", "smart"} <= terms


@pytest.mark.parametrize("query", ["", "   ", "!!!", "ไดโนเสาร์"])
def test_empty_or_unknown_queries_return_nothing(con, query: str) -> None:
    assert search_articles(con, query) == []


def test_hit_carries_article_fields_and_snippet(con) -> None:
    [hit] = search_articles(con, "เสือ")
    assert hit["published_date"] == "2024-01-10"
    assert "เสือ" in hit["snippet"] and hit["score"] > 0
    assert hit["event_id"] is None


def test_index_follows_new_and_changed_articles(con) -> None:
    article_id = _load(con, "lampang", RELEASE_LAMPANG, lampang_record())
    build_search_index(con)
    [hit] = search_articles(con, "หัตถกรรม")
    assert hit["article_id"] == article_id and hit["event_id"] is not None
    _load(con, "lampang", RELEASE_FLOOD, lampang_record(attendee_count=5))  # the page changed
    build_search_index(con)
    assert search_articles(con, "หัตถกรรม") == []
    assert [h["article_id"] for h in search_articles(con, "เวียงสา")] == [article_id]


def test_search_works_on_the_read_only_snapshot(con, tmp_path: Path) -> None:
    snapshot = publish_snapshot(tmp_path / "khaosan.duckdb")
    reader = duckdb.connect(str(snapshot), read_only=True)
    try:
        assert _found(reader, "เสื้อ") == ["shirt"]
    finally:
        reader.close()


def test_search_tokens_keep_marks_and_drop_spaces() -> None:
    assert search_tokens("มอบเสื้อ  ให้นักเรียน") == "มอบ เสื้อ ให้ นักเรียน"


def test_fts_extension_comes_from_the_package() -> None:
    path = fts_extension_path()
    assert path.is_file() and "duckdb_extension_fts" in path.parts


def test_index_is_rebuilt_only_when_articles_changed(con) -> None:
    """A refresh with nothing new must not pay for a full fts rebuild (~50 s at 63k articles)."""
    built = con.execute("SELECT built_from FROM search_index_state").fetchall()
    con.execute("UPDATE fts_main_article_search.docs SET len = -1")  # a rebuild would restore it
    build_search_index(con)
    assert con.execute("SELECT count(*) FROM fts_main_article_search.docs WHERE len = -1").fetchone()[0] > 0
    assert con.execute("SELECT built_from FROM search_index_state").fetchall() == built
    _load(con, "relief", "อำเภอเวียงสามอบถุงยังชีพให้ผู้ประสบอุทกภัยในตำบลริมน้ำ")
    build_search_index(con)
    assert con.execute("SELECT built_from FROM search_index_state").fetchall() != built
    assert _found(con, "ถุงยังชีพ") == ["relief"]


def test_index_build_uses_its_own_memory_limit_then_restores_the_connections(con) -> None:
    before = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    _load(con, "relief", "อำเภอเวียงสามอบถุงยังชีพให้ผู้ประสบอุทกภัยในตำบลริมน้ำ")
    build_search_index(con)  # articles changed: the index is rebuilt
    assert _found(con, "ถุงยังชีพ") == ["relief"]
    assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0] == before


def test_a_limit_keeps_the_best_hits_in_order(con) -> None:
    everything = search_articles(con, "เกษตรกร")
    assert len(everything) == 2
    assert search_articles(con, "เกษตรกร", limit=1) == everything[:1]


def test_articles_without_tokens_are_tokenised_a_chunk_at_a_time(con, monkeypatch) -> None:
    """What a new tokenizer does to every article: all rows rewritten, a chunk per transaction."""
    monkeypatch.setattr(search, "TOKENISE_CHUNK", 2)
    expected = con.execute("SELECT article_id, text_sha256, tokens FROM article_search ORDER BY 1").fetchall()
    con.execute("DELETE FROM article_search")
    build_search_index(con)
    assert (
        con.execute("SELECT article_id, text_sha256, tokens FROM article_search ORDER BY 1").fetchall()
        == expected
    )
    assert _found(con, "เสื้อ") == ["shirt"]
