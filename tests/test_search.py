"""Thai full-text search: word terms (nlpo3), tone marks and vowels kept, BM25, an index the loads keep current."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import duckdb
import pytest

from flows import search
from flows.search import (
    SearchIndexMissingError,
    SearchTerms,
    article_terms,
    search_articles,
    terms_of,
    update_search_index,
)
from flows.store import load_extraction, load_extractions, open_db, publish_snapshot, start_extraction_run
from flows.store_extraction import ExtractionInput
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
    update_search_index(connection)
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


def test_index_keeps_thai_marks(con) -> None:
    terms = {row[0] for row in con.execute("SELECT term FROM search_terms").fetchall()}
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
    update_search_index(con)
    [hit] = search_articles(con, "หัตถกรรม")
    assert hit["article_id"] == article_id and hit["event_id"] is not None
    _load(con, "lampang", RELEASE_FLOOD, lampang_record(attendee_count=5))  # the page changed
    update_search_index(con)
    assert search_articles(con, "หัตถกรรม") == []
    assert [h["article_id"] for h in search_articles(con, "เวียงสา")] == [article_id]


def test_search_works_on_the_read_only_snapshot(con, tmp_path: Path) -> None:
    snapshot = publish_snapshot(tmp_path / "khaosan.duckdb")
    reader = duckdb.connect(str(snapshot), read_only=True)
    try:
        assert _found(reader, "เสื้อ") == ["shirt"]
    finally:
        reader.close()


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("มอบเสื้อ  ให้นักเรียน", ["มอบ", "เสื้อ", "ให้", "นักเรียน"]),  # spaces are no terms
        ("นายกฯ ประชุม COVID-19", ["นายกฯ", "ประชุม", "covid", "19"]),  # ฯ is a letter; - is not
        ("จำนวน ๑,๒๐๐ คน", ["จำนวน", "๑", "๒๐๐", "คน"]),  # Thai digits are digits
        ("ณ ห้อง 201.", ["ณ", "ห้อง", "201"]),
        ("!!! ...", []),
    ],
)
def test_terms_are_lower_cased_runs_of_letters_marks_and_digits(text: str, terms: list[str]) -> None:
    assert terms_of(text) == terms


def test_an_article_entry_counts_each_distinct_term() -> None:
    entry = article_terms("เสื้อกันหนาว", "มอบเสื้อกันหนาว ให้นักเรียน มอบ")
    counts = dict(zip(entry.terms.split(" "), map(int, entry.counts.split(" ")), strict=True))
    assert counts == {"เสื้อกันหนาว": 2, "มอบ": 2, "ให้": 1, "นักเรียน": 1}  # a dictionary word
    assert entry.length == 6
    assert article_terms(None, "") == SearchTerms("", "", 0)


def test_scores_are_bm25_as_fts_computes_it(con) -> None:
    """k1 = 1.2, b = 0.75, idf log10((N - df + 0.5) / (df + 0.5) + 1): fts's formula, so rankings
    stayed the same when the index moved from the fts extension to plain tables."""
    documents, average = con.execute("SELECT count(*), avg(term_count) FROM search_docs").fetchone()
    [(length, tf)] = con.execute(
        "SELECT d.term_count, t.tf FROM search_terms AS t JOIN search_docs AS d USING (docid) WHERE t.term = 'เสือ'"
    ).fetchall()
    idf = math.log10((documents - 1 + 0.5) / (1 + 0.5) + 1)
    expected = idf * tf * 2.2 / (tf + 1.2 * (1 - 0.75 + 0.75 * length / average))
    [hit] = search_articles(con, "เสือ")
    assert hit["score"] == pytest.approx(expected, abs=1e-6)
    two_terms = search_articles(con, "เสือ กล้อง")[0]
    assert two_terms["article_id"] == hit["article_id"] and two_terms["score"] > hit["score"]


def test_update_tokenises_only_new_changed_or_unindexed_articles(con, monkeypatch) -> None:
    """A refresh must not re-segment 63k unchanged articles; the loader already stored their terms."""
    tokenised: list[str] = []
    original = search.article_terms
    monkeypatch.setattr(
        search, "article_terms", lambda title, text: tokenised.append(text) or original(title, text)
    )
    assert update_search_index(con) == 0 and tokenised == []
    _load(con, "relief", "อำเภอเวียงสามอบถุงยังชีพให้ผู้ประสบอุทกภัยในตำบลริมน้ำ")
    _load(con, "tiger", "เจ้าหน้าที่อุทยานพบรอยเท้าเสือโคร่งในป่าสงวนแห่งชาติ")  # the page changed
    assert update_search_index(con) == 2 and len(tokenised) == 2
    assert _found(con, "ถุงยังชีพ") == ["relief"]
    assert _found(con, "รอยเท้า") == ["tiger"]
    assert _found(con, "กล้อง") == []  # the tiger article's old text is gone from the index


def test_entries_of_removed_articles_are_dropped(con) -> None:
    con.execute("DELETE FROM articles WHERE url LIKE '%/tiger'")
    update_search_index(con)
    assert _found(con, "เสือ") == []
    assert (
        con.execute(
            "SELECT count(*) FROM search_terms WHERE docid NOT IN (SELECT docid FROM search_docs)"
        ).fetchone()[0]
        == 0
    )


def test_loaded_terms_are_searchable_without_an_update(tmp_path: Path) -> None:
    """What a refresh does: the workers make the entry, the loader stores it with the article."""
    con = open_db(tmp_path / "khaosan.duckdb")
    run_id = start_extraction_run(con, "0.1.0+test", "test")
    text = "ชมรมจิตอาสามอบเสื้อกันหนาวให้นักเรียน"
    items = [
        ExtractionInput(
            page(f"https://news.example/{n}", content=f"{text} {n}"),
            f"{text} {n}",
            None,
            date(2024, 1, 10),
            EventRecord(doc_id=str(n)),
            search_terms=article_terms(None, f"{text} {n}"),
        )
        for n in range(3)
    ]
    load_extractions(con, items, run_id=run_id)
    assert con.execute("SELECT count(*) FROM search_docs").fetchone()[0] == 3
    assert update_search_index(con) == 0
    assert len(search_articles(con, "เสื้อกันหนาว")) == 3
    con.close()


def test_a_database_without_an_index_is_indexed_on_first_search(con) -> None:
    con.execute("DELETE FROM search_terms")
    con.execute("DELETE FROM search_docs")
    assert _found(con, "เสื้อ") == ["shirt"]


def test_a_read_only_database_without_an_index_is_a_clear_error(con, tmp_path: Path) -> None:
    con.execute("DELETE FROM search_terms")
    con.execute("DELETE FROM search_docs")
    con.close()
    reader = duckdb.connect(str(tmp_path / "khaosan.duckdb"), read_only=True)
    try:
        with pytest.raises(SearchIndexMissingError, match="run the refresh"):
            search_articles(reader, "เสื้อ")
    finally:
        reader.close()


def test_a_limit_keeps_the_best_hits_in_order(con) -> None:
    everything = search_articles(con, "เกษตรกร")
    assert len(everything) == 2
    assert search_articles(con, "เกษตรกร", limit=1) == everything[:1]


def test_articles_without_entries_are_tokenised_a_chunk_at_a_time(con, monkeypatch) -> None:
    """What a new tokenizer does to every article: all entries remade, a chunk per transaction."""
    monkeypatch.setattr(search, "TOKENISE_CHUNK", 2)
    query = """SELECT d.article_id, d.digest, d.term_count, t.term, t.tf
               FROM search_docs AS d JOIN search_terms AS t USING (docid) ORDER BY ALL"""
    expected = con.execute(query).fetchall()
    con.execute("UPDATE search_docs SET digest = 'made by an older tokenizer'")
    assert update_search_index(con) == len(ARTICLES)
    assert con.execute(query).fetchall() == expected
    assert _found(con, "เสื้อ") == ["shirt"]
