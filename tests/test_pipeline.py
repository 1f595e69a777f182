"""The spaCy pipeline end to end on invented releases: text and HTML input, evidence, bad input."""

from __future__ import annotations

import pytest

from extract.normalise import normalise_text
from extract.pipeline import (
    article_doc,
    article_from_input,
    build_pipeline,
    extract_article_and_record,
    extract_record,
)

RELEASE = (
    "พก. จัดประชุมเชิงปฏิบัติการพัฒนาล่ามภาษามือ\n\n"
    "วันนี้ (14 พ.ย. 62) เวลา 09.30 น. นางสมใจ ใจดี อธิบดีกรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ "
    "เป็นประธานเปิด “การประชุมเชิงปฏิบัติการพัฒนาศักยภาพล่ามภาษามือ ประจำปีงบประมาณ 2563” "
    "ณ ห้องราชพฤกษ์ 1 โรงแรมสมมติพาเลซ เขตบางกะปิ กรุงเทพมหานคร โดยมีผู้เข้าร่วมประชุม จำนวน 120 คน"
)


def test_text_release_gives_the_main_event() -> None:
    record = extract_record({"doc_id": "r1", "text": RELEASE})
    assert record.error is None
    assert record.is_event
    assert record.event_date.isoformat() == "2019-11-14"
    assert record.event_time == "09:30"
    assert record.province == "กรุงเทพมหานคร"
    assert record.attendee_count == 120
    assert [o.name for o in record.officials] == ["สมใจ ใจดี"]


def test_evidence_spans_point_at_the_values() -> None:
    article, record = extract_article_and_record({"doc_id": "r1", "text": RELEASE})
    assert article is not None
    start, end = record.evidence["venue"]
    assert record.venue in article.text[start:end] or article.text[start:end] in record.venue
    start, end = record.evidence["attendee_count"]
    assert "120" in article.text[start:end]


def test_html_whose_first_paragraph_starts_like_the_headline_keeps_the_headline() -> None:
    title = "พก. จัดประชุม"
    body = RELEASE.split("\n\n", 1)[1]
    html = f"<html><head><title>{title}</title></head><body><h1>{title}</h1><div class='field-body'><p>{title}เชิงปฏิบัติการ {body}</p></div></body></html>"
    article, _ = extract_article_and_record({"doc_id": "h1", "html": html})
    assert article is not None
    assert article.title == title


@pytest.mark.parametrize(
    "item",
    [
        {"doc_id": "empty", "text": ""},
        {"doc_id": "spaces", "text": "   \n\n  "},
        {"doc_id": "html-empty", "html": ""},
        {"doc_id": "binary", "html": "\x00\x01\x02%PDF-1.4"},
        {"doc_id": "latin", "text": "Press release without Thai text, 12 people attended."},
    ],
)
def test_empty_or_odd_input_gives_a_record_not_an_exception(item: dict) -> None:
    record = extract_record(item)
    assert record.doc_id == item["doc_id"]
    assert record.error is None
    assert not record.is_event
    assert record.event_date is None and record.venue is None


def test_repeated_use_gives_identical_records() -> None:
    first = extract_record({"doc_id": "r1", "text": RELEASE}).model_dump()
    for _ in range(3):
        assert extract_record({"doc_id": "r1", "text": RELEASE}).model_dump() == first


def test_thai_digits_are_kept_in_output_values() -> None:
    text = RELEASE.replace("ห้องราชพฤกษ์ 1", "ห้องราชพฤกษ์ ๑")
    article, record = extract_article_and_record({"doc_id": "r2", "text": text})
    assert "๑" in (record.venue or "")
    assert normalise_text(text).text == article.text


WARNING_NOT_AN_EVENT = (
    "พม. แจ้งเตือนประชาชนระวังมิจฉาชีพแอบอ้างเป็นเจ้าหน้าที่\n\n"
    "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ขอแจ้งเตือนประชาชนให้ระมัดระวังมิจฉาชีพที่แอบอ้างเป็นเจ้าหน้าที่ "
    "โทรศัพท์ไปหลอกลวงผู้สูงอายุ ซึ่งปีที่ผ่านมามีผู้เสียหายแล้ว จำนวน 120 คน "
    "หากพบเห็นโปรดแจ้งสายด่วน 1300 ณ ศูนย์ช่วยเหลือสังคม ตลอด 24 ชั่วโมง"
)


@pytest.mark.parametrize(("text", "is_event"), [(RELEASE, True), (WARNING_NOT_AN_EVENT, False)])
def test_venue_and_attendees_are_only_looked_for_in_events(text: str, is_event: bool) -> None:
    """A record carries a venue and an attendee count only for an event, so the pipeline does not
    spend time finding them in other releases (facts runs first and decides)."""
    doc = article_doc(build_pipeline(), article_from_input({"doc_id": "d", "text": text}))
    assert doc._.facts.is_event is is_event
    assert (doc._.venue is not None) is is_event
    assert (doc._.attendees is not None) is is_event
    assert doc._.dates is not None and doc._.officials is not None
