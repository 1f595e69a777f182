"""normalise_text: one digit system for matching, the author's digits for output, offsets back to raw."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.normalise import normalise_text


@pytest.mark.parametrize(
    ("raw", "text", "surface"),
    [
        ("วันที่ ๒๘ ต.ค. ๖๒", "วันที่ 28 ต.ค. 62", "วันที่ ๒๘ ต.ค. ๖๒"),
        ("จำนวน ๑,๐๕๖ แห่ง", "จำนวน 1,056 แห่ง", "จำนวน ๑,๐๕๖ แห่ง"),
        ("  นายสมชาย   ใจดี\u00a0\u00a0อธิบดี  ", "นายสมชาย ใจดี อธิบดี", "นายสมชาย ใจดี อธิบดี"),
        ("กรม\u200bส่งเสริม\u200dการเกษตร", "กรมส่งเสริมการเกษตร", "กรมส่งเสริมการเกษตร"),
        ("ทํางาน", "ทำงาน", "ทำงาน"),  # nikhahit + sara aa typed apart
        ("„โครงการ‟", "“โครงการ“", "“โครงการ“"),
        ("«งานวัด»", "“งานวัด”", "“งานวัด”"),
        ("หัวข้อ\r\nเนื้อหา", "หัวข้อ\nเนื้อหา", "หัวข้อ\nเนื้อหา"),
        ("หัวข้อ\r\n\r\nเนื้อหา", "หัวข้อ\n\nเนื้อหา", "หัวข้อ\n\nเนื้อหา"),
        ("หัวข้อ\u2028เนื้อหา", "หัวข้อ\nเนื้อหา", "หัวข้อ\nเนื้อหา"),
        ("หัวข้อ\x0cเนื้อหา", "หัวข้อ\nเนื้อหา", "หัวข้อ\nเนื้อหา"),
        ("ย่อหน้า 1\n\n\n\nย่อหน้า 2", "ย่อหน้า 1\n\nย่อหน้า 2", "ย่อหน้า 1\n\nย่อหน้า 2"),
        ("\n\n  บรรทัดเดียว  \n\n", "บรรทัดเดียว", "บรรทัดเดียว"),
        ("", "", ""),
    ],
)
def test_normalise_examples(raw: str, text: str, surface: str) -> None:
    norm = normalise_text(raw)
    assert norm.text == text
    assert norm.surface == surface


def test_thai_marks_take_canonical_order() -> None:
    # Tone mark typed before the lower vowel: NFC order puts sara u (ccc 103) first.
    norm = normalise_text("ก\u0e48\u0e38มใจ")
    assert norm.text == unicodedata.normalize("NFC", "ก\u0e48\u0e38มใจ")
    assert norm.text == "ก\u0e38\u0e48มใจ"


def test_marks_brought_together_by_a_dropped_zero_width_char_are_ordered() -> None:
    assert normalise_text("ก\u0e48\u200b\u0e38").text == "ก\u0e38\u0e48"


def test_latin_combining_marks_compose() -> None:
    assert normalise_text("Re\u0301sume\u0301").text == "Résumé"


def test_raw_span_points_back_to_the_raw_input() -> None:
    raw = "  หัวข้อข่าว\n\n\u200bวันนี้ (๒๘ ต.ค. ๖๒) เวลา ๑๐.๓๐ น."
    norm = normalise_text(raw)
    start = norm.text.index("28 ต.ค. 62")
    raw_start, raw_end = norm.raw_span(start, start + len("28 ต.ค. 62"))
    assert raw[raw_start:raw_end] == "๒๘ ต.ค. ๖๒"


def test_raw_span_of_empty_text() -> None:
    assert normalise_text("").raw_span(0, 0) == (0, 0)


_RAW_TEXT = st.text(
    alphabet=st.sampled_from(
        "กขคงจนมยรลวสหอะาำิีึืุู่้๊๋็์ัเแโใไ๐๑๒๓๔๕๖๗๘๙0123456789 .-()“”\"'\n\r\t\u00a0\u200b\u0e4d\u2028e\u0301\u3000"
    ),
    max_size=80,
)


@given(_RAW_TEXT)
def test_text_and_surface_have_the_same_length_and_offsets(raw: str) -> None:
    norm = normalise_text(raw)
    assert len(norm.text) == len(norm.surface) == len(norm.raw_offsets)
    assert all(0 <= off < max(len(raw), 1) for off in norm.raw_offsets)


@given(_RAW_TEXT)
def test_normalised_text_is_clean(raw: str) -> None:
    text = normalise_text(raw).text
    assert unicodedata.is_normalized("NFC", text)
    assert "\u200b" not in text and "\r" not in text and "\t" not in text
    assert "  " not in text and "\n\n\n" not in text
    assert not any(ch in text for ch in "๐๑๒๓๔๕๖๗๘๙")
    assert all(line == line.strip(" ") for line in text.split("\n"))


@given(_RAW_TEXT)
def test_normalising_twice_changes_nothing(raw: str) -> None:
    once = normalise_text(raw)
    assert normalise_text(once.surface).surface == once.surface


@pytest.mark.parametrize(
    ("raw", "word"),
    [
        ("นายสมพล ธนาด\u0e4d\u0e32รงศักดิ์ กล่าว", "ธนาด\u0e4d\u0e32รงศักดิ์"),
        ("ประจ\u0e4d\u0e32ปี ๒๕๖๖ และ ประจำปี 2567", "ประจ\u0e4d\u0e32ปี ๒๕๖๖"),
    ],
)
def test_surface_of_restores_the_authors_sara_am(raw: str, word: str) -> None:
    norm = normalise_text(raw)
    assert "\u0e4d" not in norm.text  # rules see one spelling
    composed = word.replace("\u0e4d\u0e32", "\u0e33").translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    start = norm.text.index(composed)
    assert norm.surface_of(start, start + len(composed)) == word


def test_surface_of_keeps_composed_sara_am_composed() -> None:
    norm = normalise_text("ประจ\u0e4d\u0e32ปี และ ประจำเดือน")
    start = norm.text.index("ประจำเดือน")
    assert norm.surface_of(start, start + len("ประจำเดือน")) == "ประจำเดือน"
