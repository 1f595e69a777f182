"""The benchmark commands run end to end on a tiny invented corpus and print their figures.

Only the presence of the figures is checked, never their values: timings depend on the machine.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from benchmarks.cli import main
from benchmarks.corpus import PAGE_LAYOUTS, PageLayout, Release, news_page, read_releases, split_release
from benchmarks.coverage import is_meeting_release
from benchmarks.thainer_baseline import entities
from extract.html import html_to_article

# Invented releases in the thaigov.go.th text layout: site prefix, date line, "พิมพ์", title
# repeated, body, source line.
WORKSHOP_TITLE = "รมว.พม. เปิดการประชุมเชิงปฏิบัติการพัฒนาเครือข่ายอาสาสมัครชุมชนเข้มแข็ง"
WORKSHOP = (
    f"รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-{WORKSHOP_TITLE}\n\n\nวันพฤหัสบดีที่ 14 มีนาคม 2567\nพิมพ์\n"
    f"{WORKSHOP_TITLE}\n"
    "วันนี้ (14 มี.ค. 67) เวลา 09.30 น. นางสาววิมลรัตน์ ทองประเสริฐ รัฐมนตรีว่าการกระทรวงการพัฒนาสังคม"
    "และความมั่นคงของมนุษย์ เป็นประธานเปิดการประชุมเชิงปฏิบัติการ “พัฒนาเครือข่ายอาสาสมัครชุมชนเข้มแข็ง "
    "ประจำปี 2567” ณ ห้องราชพฤกษ์ โรงแรมริเวอร์ไซด์ลำน้ำ อำเภอเมือง จังหวัดพิษณุโลก "
    "โดยมีผู้เข้าร่วมประชุมจำนวน 250 คน\n"
    "นางสาววิมลรัตน์ กล่าวว่า การประชุมครั้งนี้มุ่งให้อาสาสมัครแลกเปลี่ยนประสบการณ์การดูแลผู้สูงอายุในชุมชน\n"
    "-------------------\nกลุ่มประชาสัมพันธ์และเผยแพร่ สำนักโฆษก\n\n"
    "ที่มา : https://www.thaigov.go.th/news/contents/details/90001"
)
STATISTICS_TITLE = "สศช. เผยดัชนีความเชื่อมั่นผู้บริโภคเดือนกุมภาพันธ์ปรับตัวดีขึ้นต่อเนื่อง"
STATISTICS = (
    f"รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-{STATISTICS_TITLE}\n\n\nวันจันทร์ที่ 4 มีนาคม 2567\n"
    f"{STATISTICS_TITLE}\n"
    "ดัชนีความเชื่อมั่นผู้บริโภคโดยรวมเดือนกุมภาพันธ์อยู่ที่ระดับ 63.4 เพิ่มขึ้นจากเดือนก่อนหน้า "
    "จากราคาสินค้าเกษตรที่ปรับตัวสูงขึ้นและการท่องเที่ยวที่ฟื้นตัว\n\n"
    "ที่มา : https://www.thaigov.go.th/news/contents/details/90002"
)
CEREMONY_TITLE = "ผู้ว่าราชการจังหวัดเชียงรายเป็นประธานในพิธีมอบทุนการศึกษาแก่นักเรียนยากจน"
CEREMONY = (
    f"รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-{CEREMONY_TITLE}\n\n\nวันศุกร์ที่ 8 มีนาคม 2567\nพิมพ์\n"
    f"{CEREMONY_TITLE}\n{CEREMONY_TITLE}\n"
    "เมื่อวันที่ 7 มีนาคม 2567 เวลา 13.00 น. นายประพันธ์ ศรีสุวรรณ ผู้ว่าราชการจังหวัดเชียงราย "
    "เป็นประธานในพิธีมอบทุนการศึกษา ณ หอประชุมโรงเรียนดอยงามวิทยา อำเภอแม่สรวย จังหวัดเชียงราย "
    "โดยมอบทุนแก่นักเรียนจำนวนกว่า 120 ทุน\n\n"
    "ที่มา : https://www.thaigov.go.th/news/contents/details/90003"
)
RELEASES = [
    {
        "id": 90001,
        "url": "u1",
        "category": "ด้านสังคม",
        "crawl_day": "2024/03/15",
        "title": WORKSHOP_TITLE,
        "text": WORKSHOP,
    },
    {
        "id": 90002,
        "url": "u2",
        "category": "ด้านเศรษฐกิจ",
        "crawl_day": "2024/03/05",
        "title": STATISTICS_TITLE,
        "text": STATISTICS,
    },
    {
        "id": 90003,
        "url": "u3",
        "category": "ข่าวภูมิภาค",
        "crawl_day": "2024/03/09",
        "title": CEREMONY_TITLE,
        "text": CEREMONY,
    },
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "mini.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for item in RELEASES:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        handle.write("not json\n")
    return path


def _release(index: int) -> Release:
    item = RELEASES[index]
    return Release(doc_id=str(item["id"]), title=item["title"], text=item["text"], category=item["category"])


def test_reader_streams_releases_and_skips_bad_lines(corpus: Path) -> None:
    assert [r.doc_id for r in read_releases(corpus)] == ["90001", "90002", "90003"]
    assert [r.doc_id for r in read_releases(corpus, limit=2)] == ["90001", "90002"]


@pytest.mark.parametrize(
    ("index", "date_line", "first_words", "paragraphs"),
    [
        (0, "วันพฤหัสบดีที่ 14 มีนาคม 2567", "วันนี้ (14 มี.ค. 67)", 4),
        (1, "วันจันทร์ที่ 4 มีนาคม 2567", "ดัชนีความเชื่อมั่น", 1),
        (2, "วันศุกร์ที่ 8 มีนาคม 2567", "เมื่อวันที่ 7 มีนาคม", 1),
    ],
)
def test_split_release_drops_site_chrome(
    index: int, date_line: str, first_words: str, paragraphs: int
) -> None:
    parts = split_release(_release(index))
    assert parts.title == RELEASES[index]["title"]
    assert parts.date_line == date_line
    assert parts.paragraphs[0].startswith(first_words)
    assert len(parts.paragraphs) == paragraphs
    assert not any(p.startswith("ที่มา") for p in parts.paragraphs)


@pytest.mark.parametrize("layout", PAGE_LAYOUTS)
@pytest.mark.parametrize("index", [0, 1, 2])
def test_news_page_keeps_the_release_and_hides_the_chrome(index: int, layout: PageLayout) -> None:
    release = _release(index)
    page = html_to_article(news_page(release, layout))
    assert page.title == release.title
    assert page.published is not None
    for paragraph in split_release(release).paragraphs:
        assert paragraph in page.text
    for chrome in ("ข่าวล่าสุด", "จำนวนผู้เข้าชม", "สงวนลิขสิทธิ์", "เว็บไซต์นี้ใช้คุกกี้"):
        assert chrome not in page.text


@pytest.mark.parametrize(("index", "expected"), [(0, True), (1, False), (2, True)])
def test_meeting_release_definition(index: int, expected: bool) -> None:
    assert is_meeting_release(_release(index)) is expected


def test_thainer_baseline_runs_offline_from_the_shipped_model() -> None:
    found = entities("นายประพันธ์ ศรีสุวรรณ ผู้ว่าราชการจังหวัดเชียงราย เดินทางไปจังหวัดพิษณุโลก")
    assert any(kind == "PERSON" and "ประพันธ์" in text for text, kind in found)


def test_machine_prints_cpu_python_and_packages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["machine"]) == 0
    out = capsys.readouterr().out
    for figure in ("machine:", "cores", "GiB RAM", "python:", "pythainlp", "trafilatura", "duckdb"):
        assert figure in out


def test_extraction_prints_every_figure(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "extraction.json"
    assert (
        main(
            ["extraction", "--corpus", str(corpus), "--limit", "3", "--warmup", "1", "--report", str(report)]
        )
        == 0
    )
    out = capsys.readouterr().out
    for figure in (
        "documents: 3",
        "docs/s",
        "median ms/doc",
        "text input",
        "HTML input",
        "known CMS container",
        "trafilatura.extract alone",
        "ThaiNER",
        "ratio html_extraction/trafilatura",
        "ratio text_extraction/thainer",
        "errors: text 0, html 0",
        "html/text agreement (generic layout)",
        "html/text agreement (cms layout)",
        "peak RSS",
    ):
        assert figure in out
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [t["name"] for t in data["timings"]] == ["text", "html", "html_cms", "trafilatura", "thainer"]
    assert data["machine"]["packages"]["spacy"]


@pytest.mark.parametrize("extra", [["--workers", "1"], ["--workers", "2"], ["--workers", "1", "--html"]])
def test_coverage_prints_every_figure(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    report = tmp_path / "coverage.json"
    assert main(["coverage", "--corpus", str(corpus), "--report", str(report), *extra]) == 0
    out = capsys.readouterr().out
    for figure in (
        "docs: 3",
        "errors: 0",
        "crashes: 0",
        "peak RSS",
        "docs/s",
        "share judged events",
        "meeting releases",
        "event_date",
        "venue",
        "officials",
        "programme_name",
        "attendee_count",
        "province",
        "event_type distribution",
        "slowest docs",
    ):
        assert figure in out
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["docs"] == 3
    assert data["meeting_releases"] == 2
    assert set(data["meeting_share_with"]) >= {"event_date", "venue", "officials", "province"}


def test_profile_prints_top_functions(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profile", "--corpus", str(corpus), "--top", "5"]) == 0
    out = capsys.readouterr().out
    assert "profiled 3 documents, sorted by cumulative" in out
    assert "extract_article_and_record" in out


def test_missing_corpus_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage", "--corpus", str(tmp_path / "absent.jsonl.gz")]) == 2
    assert "corpus not found" in capsys.readouterr().err
