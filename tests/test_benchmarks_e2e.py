"""The pipeline benchmarks (e2e, incremental, queries) run on a tiny invented corpus.

Only that they run and report consistent counts is checked, never a timing.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from benchmarks.cli import main
from benchmarks.corpus import read_releases
from benchmarks.incremental import run_incremental
from benchmarks.pipeline_e2e import build_corpus_mirror, run_e2e
from benchmarks.queries import run_queries

# Invented releases in the thaigov text layout (date line, title, body, source line).
PROVINCES = ("เชียงราย", "ขอนแก่น", "สงขลา", "ลพบุรี", "ตราด", "น่าน")
PEOPLE = ("นายสมศักดิ์ ใจดีงาม", "นางวรรณา แสงทองคำ", "นายประเสริฐ บุญมาก")


def _release(number: int) -> dict[str, object]:
    province = PROVINCES[number % len(PROVINCES)]
    person = PEOPLE[number % len(PEOPLE)]
    day = 1 + number % 27
    if number % 4 == 3:  # an announcement, not an event
        title = f"ประกาศรับสมัครอาสาสมัครพัฒนาสังคมจังหวัด{province} รุ่นที่ {number}"
        body = f"สำนักงานพัฒนาสังคมจังหวัด{province}ประกาศรับสมัครอาสาสมัคร ผู้สนใจสมัครได้ถึงสิ้นเดือนนี้"
    else:
        title = f"ผู้ว่าราชการจังหวัด{province}เปิดการอบรมเครือข่ายผู้สูงอายุ ครั้งที่ {number}"
        body = (
            f"วันนี้ ({day} มี.ค. 67) เวลา 09.30 น. {person} ผู้ว่าราชการจังหวัด{province} เป็นประธานเปิด"
            f"การอบรมเชิงปฏิบัติการ “เครือข่ายผู้สูงอายุสุขภาพดี ครั้งที่ {number}” ณ หอประชุมอำเภอเมือง"
            f" จังหวัด{province} มีผู้เข้าร่วมจำนวน {100 + number} คน"
        )
    text = f"วันศุกร์ที่ {day} มีนาคม 2567\n{title}\n{body}\nที่มา : https://example.go.th/{number}"
    return {"id": 70000 + number, "url": f"u{number}", "category": "ด้านสังคม", "title": title, "text": text}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "tiny.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for number in range(12):
            handle.write(json.dumps(_release(number), ensure_ascii=False) + "\n")
    return path


def test_mirror_has_every_release_and_paged_listings(corpus: Path, tmp_path: Path) -> None:
    mirror = build_corpus_mirror(read_releases(corpus), tmp_path, sites=3, per_page=2)
    assert mirror.articles == 12
    assert mirror.listings == 6  # 4 releases per site, 2 per listing page
    site = tmp_path / "corpus-1"
    assert (site / "ewt_news.php?nid=1").is_file()
    first_listing = (site / "ewt_news_list.php?cid=1&page=1").read_text(encoding="utf-8")
    assert 'class="next"' in first_listing and "ewt_news.php?nid=10" in first_listing
    last_listing = (site / "ewt_news_list.php?cid=1&page=2").read_text(encoding="utf-8")
    assert 'class="next"' not in last_listing


def test_e2e_incremental_and_queries_run_on_the_real_flow(
    prefect_harness: None, corpus: Path, tmp_path: Path
) -> None:
    report, state = run_e2e(read_releases(corpus), tmp_path, sites=2, per_page=4, task_runner="thread")
    summary = report.run.summary
    assert summary["articles_new"] == 12
    assert report.table_counts["articles"] == 12
    assert report.table_counts["events"] > 0
    assert report.run.peak_rss_mib > 0 and report.run.wall_s > 0
    assert set(summary["stage_s"]) >= {"crawl", "extract_load", "snapshot"}
    assert set(summary["stage_cpu_s"]) == set(summary["stage_s"])

    again = run_incremental(state, task_runner="thread")
    assert again.articles_fetched == 0
    assert again.events_loaded == 0
    assert 0 < again.requests_received < summary["pages_fetched"]

    queries = run_queries(state.db, repeats=2)
    names = [timing.name for timing in queries.timings]
    assert any("province" in name for name in names)
    assert any("search" in name for name in names)
    assert queries.events == report.table_counts["events"]


def test_queries_command_explains_a_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["queries", "--db", str(tmp_path / "missing.duckdb")]) == 2
    assert "run `python -m benchmarks e2e --workdir DIR` first" in capsys.readouterr().err
