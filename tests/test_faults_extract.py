"""Bad input for extraction: `extract_record` and `khaosan extract` return records, never raise, and
keep absurd values out (impossible dates, years outside any release, phone numbers as headcounts).
1 MB texts of pathological shapes finish (a runaway scan would hang the test, not slow it)."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extract.pipeline import PLAUSIBLE_EVENT_YEARS, extract_record
from flows.cli import app

HEADLINE = "พม.ลำพูน จัดอบรมอาสาสมัครพัฒนาสังคมและความมั่นคงของมนุษย์"
LEAD = (
    "นายสมปอง ใจกล้า พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดลำพูน เป็นประธานเปิดโครงการอบรมอาสาสมัคร "
    "ณ หอประชุมอำเภอป่าซาง จังหวัดลำพูน"
)
RELEASE = f"{HEADLINE}\nวันที่ 9 มกราคม 2568 เวลา 09.30 น. {LEAD} มีผู้เข้าร่วม 120 คน\n"


def release(dateline: str = "วันที่ 9 มกราคม 2568 เวลา 09.30 น.", tail: str = "") -> str:
    return f"{HEADLINE}\n{dateline} {LEAD}{tail}"


@pytest.fixture
def watchdog() -> Iterator[None]:
    """Turns a hang (catastrophic backtracking) into a failure instead of a stuck test run."""

    def expire(*_: object) -> None:
        raise TimeoutError("extraction did not finish within the watchdog's 120 s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(120)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize(
    "item",
    [
        {"doc_id": "empty-text", "text": ""},
        {"doc_id": "blank-text", "text": "  \n\n \t "},
        {"doc_id": "empty-html", "html": ""},
        {"doc_id": "html-no-body", "html": "<html><head><title></title></head></html>"},
        {"doc_id": "null-text", "text": None},
        {"doc_id": 12345, "text": 67890},
        {"doc_id": "nul-bytes", "text": "\x00\x00ข่าว\x00"},
    ],
    ids=lambda item: str(item["doc_id"]),
)
def test_empty_input_is_no_event_and_no_error(item: dict) -> None:
    record = extract_record(item)
    assert record.error is None and record.is_event is False
    assert record.doc_id == str(item["doc_id"])


@pytest.mark.parametrize(
    "text",
    [
        "หน้าแรก | เกี่ยวกับเรา | ข่าวประชาสัมพันธ์ | ติดต่อเรา\nผู้เข้าชม 12,345 ครั้ง\nCopyright © 2568 "
        "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดลำพูน สงวนลิขสิทธิ์",
        "แชร์ Facebook Twitter LINE\nพิมพ์หน้านี้\nข่าวที่เกี่ยวข้อง\nอ่านต่อ »\nกลับสู่ด้านบน",
        "โทรศัพท์ 0 5351 1234 โทรสาร 0 5351 1235 อีเมล lamphun@m-society.go.th\nเวลาทำการ จันทร์ - ศุกร์ 08.30 - 16.30 น.",
    ],
)
def test_boilerplate_only_is_no_event(text: str) -> None:
    record = extract_record({"doc_id": "chrome", "text": text})
    assert record.error is None and record.is_event is False and record.attendee_count is None


def test_mixed_thai_english_release_extracts() -> None:
    text = (
        "DEP and UNICEF Thailand จัด Workshop “Inclusive Design for All” จังหวัดเชียงใหม่\n"
        "วันที่ 9 มกราคม 2568 เวลา 09.00 น. Mr. John Carter, UNICEF Representative และนายสมปอง ใจกล้า "
        "อธิบดีกรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ ร่วมเปิดงาน Workshop on Universal Design "
        "ณ Riverside Grand Hotel อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ มีผู้เข้าร่วม 80 คน"
    )
    record = extract_record({"doc_id": "mixed", "text": text})
    assert record.error is None and record.is_event
    assert (record.event_date, record.province, record.attendee_count) == (date(2025, 1, 9), "เชียงใหม่", 80)


ONE_MB = 1_000_000


@pytest.mark.parametrize(
    ("unit", "size"),
    [
        ("1", ONE_MB),  # one digit run: was quadratic in the attendee scan (hours), now blanked as absurd
        ("1,", ONE_MB),  # separated digits, same shape
        (RELEASE, ONE_MB),
        # Shapes that scan linearly (measured up to 1 MB: 3-7 s of CPU); 200 kB keeps the suite fast.
        ("1คน", 200_000),
        ("นายสมปอง ", 200_000),
        ("((“", 200_000),
    ],
    ids=["digits", "digit-commas", "release-repeated", "digit-khon", "honorific-names", "brackets-quotes"],
)
def test_huge_text_finishes(watchdog: None, unit: str, size: int) -> None:
    record = extract_record({"doc_id": "big", "text": unit * (size // len(unit))})
    assert record.error is None


def test_long_number_runs_do_not_hide_the_event(watchdog: None) -> None:
    record = extract_record({"doc_id": "junk-digits", "text": release(tail=" " + "9" * 50_000)})
    assert record.is_event and record.event_date == date(2025, 1, 9) and record.error is None


@pytest.mark.parametrize(
    "dateline",
    ["วันที่ 31 ก.พ. 2568", "วันที่ 30 กุมภาพันธ์ 2567", "วันที่ 32 มกราคม 2568", "วันที่ 0 มีนาคม 2568"],
)
def test_impossible_dates_are_not_stored(dateline: str) -> None:
    record = extract_record({"doc_id": "bad-date", "text": release(dateline)})
    assert record.error is None
    assert record.event_date is None and record.event_start is None and record.event_end is None


@pytest.mark.parametrize(
    "dateline",
    [
        "วันที่ 9 มกราคม 2650",  # BE 2650 = CE 2107
        "วันที่ 9 มกราคม 2100",
        "วันที่ 9 มกราคม 2500",  # BE 2500 = CE 1957
        "วันที่ 9 มกราคม 1900",
        "วันที่ 9 มกราคม 9999",
    ],
)
def test_future_and_far_past_years_are_not_event_dates(dateline: str) -> None:
    record = extract_record({"doc_id": "odd-year", "text": release(dateline)})
    assert record.error is None
    for value in (record.event_date, record.event_start, record.event_end):
        assert value is None or value.year in PLAUSIBLE_EVENT_YEARS


@pytest.mark.parametrize(
    "tail",
    [
        " มีผู้เข้าร่วม 0812345678 คน",
        " สอบถามรายละเอียดโทร 053-221-234 คนที่สนใจติดต่อได้",
        " มีผู้เข้าร่วมกว่า 99,999,999 คน",
        " มีผู้เข้าร่วม 0 คน",
        " มีผู้เข้าร่วม 12.5 คน",
    ],
)
def test_absurd_counts_are_not_attendees(tail: str) -> None:
    record = extract_record({"doc_id": "count", "text": release(tail=tail)})
    assert record.error is None and record.is_event and record.attendee_count is None


THAI = st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F)
TEXT_PIECES = st.one_of(
    st.text(THAI, max_size=40),
    st.sampled_from(
        ["วันที่ ", "ณ ", " คน", "นาย", "จังหวัด", "ประธาน", "โครงการ", "“", "”", "พ.ศ. ", "๒๕๖๘", "\n", " "]
    ),
    st.integers(min_value=0, max_value=10**12).map(str),
    st.text(max_size=20),  # any unicode: controls, surrogate-free astral, combining marks
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(TEXT_PIECES, max_size=30), as_html=st.booleans())
def test_random_thai_and_unicode_never_raises(pieces: list[str], as_html: bool) -> None:
    text = "".join(pieces)
    item = {"doc_id": "random", ("html" if as_html else "text"): f"<p>{text}</p>" if as_html else text}
    record = extract_record(item)
    assert record.error is None
    assert record.attendee_count is None or record.attendee_count > 0
    for value in (record.event_date, record.event_start, record.event_end):
        assert value is None or value.year in PLAUSIBLE_EVENT_YEARS


def test_extract_cli_reports_bad_lines_with_numbers_and_stays_aligned(tmp_path: Path) -> None:
    good = {"doc_id": "good-1", "text": RELEASE}
    lines = [
        json.dumps(good, ensure_ascii=False),
        "{not json",
        "[1, 2, 3]",
        json.dumps({"text": "no doc_id"}, ensure_ascii=False),
        "",
        json.dumps({"doc_id": "good-2", "html": f"<p>{RELEASE}</p>"}, ensure_ascii=False),
    ]
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        ("\n".join(lines) + "\n").encode() + b'{"doc_id": "latin", "text": "\xe0\xb8 \xff"}\n'
    )  # bad UTF-8
    output = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", "--input", str(source), "--output", str(output)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert len(out) == len(lines) + 1  # line N of the output answers line N of the input
    assert [o["doc_id"] for o in out] == ["good-1", None, None, None, None, "good-2", "latin"]
    assert out[0]["is_event"] and out[5]["is_event"]
    for number in (2, 3, 4, 5):
        assert f"{source}:{number}: invalid input line" in out[number - 1]["error"]
        assert f"{source}:{number}:" in result.stderr
    assert "fix or remove the line" in result.stderr
    assert "4 errors" in result.stderr


def test_extract_cli_refuses_an_unwritable_output(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"doc_id": "a", "text": RELEASE}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["extract", "--input", str(source), "--output", str(blocker / "out.jsonl")]
    )
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "cannot write" in result.stderr and str(blocker / "out.jsonl") in result.stderr
