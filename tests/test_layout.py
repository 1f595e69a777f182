"""build_article: title, publication date, body start and lead on the page shapes we crawl (invented)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.layout import build_article
from extract.normalise import normalise_text

THAIGOV = """รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-พม. เปิดโครงการพัฒนาศักยภาพอาสาสมัคร รุ่นที่ 1


วันจันทร์ที่ 27 มีนาคม 2566
27/03/2566
พิมพ์
พม. เปิดโครงการพัฒนาศักยภาพอาสาสมัคร รุ่นที่ 1
พม. เปิดโครงการพัฒนาศักยภาพอาสาสมัคร รุ่นที่ 1
วันนี้ (27 มี.ค. 66) เวลา 09.30 น. นายสมมติ ใจงาม ปลัดกระทรวง เป็นประธานเปิดโครงการ ณ โรงแรมสมมติ
นายสมมติ กล่าวว่า โครงการนี้จัดขึ้นเป็นปีที่ 3

ที่มา : https://www.example.go.th/news/contents/details/1"""

PRD = """ขณะนี้คุณอยู่ที่ ›

จังหวัดสมมติ ขับเคลื่อนแผนพัฒนาคุณภาพชีวิตผู้สูงอายุ ฉบับที่ 2

วันที่ลงข่าว: 05/03/21

        วันที่ 4 มีนาคม 2564 จังหวัดสมมติ จัดประชุมเชิงปฏิบัติการ ณ โรงแรมสมมติ อำเภอเมือง

        นายสมมติ กล่าวว่า แผนดังกล่าวมีระยะเวลา 5 ปี

ที่มาของข่าว สำนักข่าว กรมประชาสัมพันธ์
^ กลับสู่เนื้อหาหลัก"""

PLAIN = """กรมสมมติ ยกระดับมาตรฐานการทำงาน ตอบโจทย์ลดความเหลื่อมล้ำ

กรมสมมติ ชี้แจงภารกิจสำคัญ พร้อมขับเคลื่อนงาน ปี 2563
     วันนี้ (28 ต.ค. 62) เวลา 10.30 น. นางสมใจ ใจดี อธิบดีกรมสมมติ เป็นประธานในพิธีเปิดการประชุม
     นางสมใจ กล่าวว่า กรมมีภารกิจสำคัญ"""

SITE_NAME_FIRST = """Department of Imaginary Affairs

กรมสมมติ จัดประชุมเชิงปฏิบัติการเสริมสร้างความเข้มแข็งศูนย์บริการ

วันนี้ (17 ธ.ค. 63) เวลา 13.00 น. ณ โรงแรมสมมติ กรุงเทพมหานคร นางสาวสมศรี มีสุข เป็นประธาน"""

SUMMARY_FIRST = """รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-สธ. ปรับแนวทางพัฒนาโรงพยาบาล


วันพฤหัสบดีที่ 23 มีนาคม 2566
สธ. ปรับแนวทางพัฒนาโรงพยาบาล
ปลัดกระทรวงสาธารณสุข เปิดการประชุมพัฒนาศักยภาพเครือข่าย ย้ำช่วง 3 ปีจากนี้เป็นโอกาสพัฒนา
ปลัดกระทรวงสาธารณสุข เปิดการประชุมพัฒนาศักยภาพเครือข่าย ย้ำช่วง 3 ปีจากนี้เป็นโอกาสพัฒนาระบบบริการ
วันนี้ (23 มีนาคม 2566) ที่ โรงแรมสมมติ จ.มุกดาหาร นพ.สมมติ ใจดี ปลัดกระทรวงสาธารณสุข เป็นประธาน
นพ.สมมติ กล่าวว่า ระบบสาธารณสุขแข็งแกร่ง"""

RADIO_SCRIPT = """รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-รัฐบาลชวนเที่ยวงานสมมติ ณ ทำเนียบรัฐบาล


วันจันทร์ที่ 16 มกราคม 2566
พิมพ์
รัฐบาลชวนเที่ยวงานสมมติ ณ ทำเนียบรัฐบาล
วันพฤหัสบดี ที่ 12 ม.ค.66
Your browser does not support the audio element.
ต่อจากนี้ไป ขอเชิญรับฟังไทยคู่ฟ้า ครับ
รัฐบาลเชิญชวนเด็กและเยาวชนเที่ยวงานสมมติ ณ ทำเนียบรัฐบาล
#ไทยคู่ฟ้า #สื่อสารรัฐบาลไทย"""

DOTS_AND_SPACED_REPEAT = """รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-โฆษกรัฐบาลเผย นายกฯพอใจการแก้ไขปัญหา


วันเสาร์ที่ 18 มิถุนายน 2565
พิมพ์
...
โฆษกรัฐบาลเผย นายกฯ พอใจการแก้ไขปัญหา
วันนี้ (18 มิ.ย.65) นายสมมติ โฆษกประจำสำนักนายกรัฐมนตรี เผยผลการดำเนินงาน"""


def _article(text: str, **kwargs):
    return build_article("d", normalise_text(text), **kwargs)


def _lead(article) -> str:
    return article.text[article.lead[0] : article.lead[1]]


@pytest.mark.parametrize(
    ("text", "title", "published", "body_starts", "lead_ends"),
    [
        (
            THAIGOV,
            "พม. เปิดโครงการพัฒนาศักยภาพอาสาสมัคร รุ่นที่ 1",
            date(2023, 3, 27),
            "วันนี้ (27 มี.ค. 66)",
            "ณ โรงแรมสมมติ",
        ),
        (
            PRD,
            "จังหวัดสมมติ ขับเคลื่อนแผนพัฒนาคุณภาพชีวิตผู้สูงอายุ ฉบับที่ 2",
            date(2021, 3, 5),
            "วันที่ 4 มีนาคม 2564",
            "อำเภอเมือง",
        ),
        (
            PLAIN,
            "กรมสมมติ ยกระดับมาตรฐานการทำงาน ตอบโจทย์ลดความเหลื่อมล้ำ",
            None,
            "กรมสมมติ ชี้แจงภารกิจสำคัญ",
            "เป็นประธานในพิธีเปิดการประชุม",
        ),
        (
            SITE_NAME_FIRST,
            "กรมสมมติ จัดประชุมเชิงปฏิบัติการเสริมสร้างความเข้มแข็งศูนย์บริการ",
            None,
            "วันนี้ (17 ธ.ค. 63)",
            "เป็นประธาน",
        ),
        (
            SUMMARY_FIRST,
            "สธ. ปรับแนวทางพัฒนาโรงพยาบาล",
            date(2023, 3, 23),
            "ปลัดกระทรวงสาธารณสุข เปิดการประชุม",
            "ปลัดกระทรวงสาธารณสุข เป็นประธาน",
        ),
        (
            RADIO_SCRIPT,
            "รัฐบาลชวนเที่ยวงานสมมติ ณ ทำเนียบรัฐบาล",
            date(2023, 1, 16),
            "รัฐบาลเชิญชวนเด็กและเยาวชน",
            "ณ ทำเนียบรัฐบาล",
        ),
        (
            DOTS_AND_SPACED_REPEAT,
            "โฆษกรัฐบาลเผย นายกฯพอใจการแก้ไขปัญหา",
            date(2022, 6, 18),
            "วันนี้ (18 มิ.ย.65)",
            "เผยผลการดำเนินงาน",
        ),
    ],
)
def test_page_shapes(text: str, title: str, published: date | None, body_starts: str, lead_ends: str) -> None:
    article = _article(text)
    assert article.title == title
    assert article.published == published
    assert article.text[article.body_start :].startswith(body_starts)
    assert _lead(article).startswith(body_starts)
    assert _lead(article).endswith(lead_ends)


def test_lead_holds_the_dateline_paragraph_after_summaries() -> None:
    lead = _lead(_article(SUMMARY_FIRST))
    assert "วันนี้ (23 มีนาคม 2566)" in lead
    assert "กล่าวว่า" not in lead


def test_lead_is_the_first_paragraph_when_no_paragraph_is_dated() -> None:
    text = "หัวข้อข่าวสมมติ\n\nนายสมมติ ใจดี เป็นประธานเปิดงาน ณ ศาลากลาง\nนายสมมติ กล่าวว่า งานนี้ดี"
    assert _lead(_article(text)) == "นายสมมติ ใจดี เป็นประธานเปิดงาน ณ ศาลากลาง"


def test_lead_skips_a_background_date_deep_in_a_later_paragraph() -> None:
    text = (
        "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-รมช.สมมติ ลงพื้นที่ติดตามสถานการณ์น้ำ\n\n\nวันเสาร์ที่ 24 ตุลาคม 2563\n"
        "รมช.สมมติ ลงพื้นที่ติดตามสถานการณ์น้ำ\n"
        "นางสาวสมมติ ใจดี รัฐมนตรีช่วยว่าการ เปิดเผยภายหลังติดตามสถานการณ์น้ำว่า ระดับน้ำลดลงแล้ว\n"
        "และจากอิทธิพลร่องมรสุมกำลังแรง ช่วงวันที่ 1-5 ตุลาคม 2563 ทำให้เกิดฝนตกหนักในเขตจังหวัดสมมติ"
    )
    assert (
        _lead(_article(text)) == "นางสาวสมมติ ใจดี รัฐมนตรีช่วยว่าการ เปิดเผยภายหลังติดตามสถานการณ์น้ำว่า ระดับน้ำลดลงแล้ว"
    )


def test_lead_reaches_a_later_paragraph_opened_by_a_weekday_dateline() -> None:
    text = (
        "หัวข้อข่าวสมมติ\n\nกระทรวงสมมติ แสดงความยินดีแก่นายทหารที่ได้รับพระราชทานยศ\n"
        "โดยในปีนี้มีนายทหารได้รับพระราชทานยศ จำนวน 20 นาย\n"
        "ทั้งนี้ ในวันศุกร์ ที่ ๑ เมษายน ๒๕๖๕ เวลา ๑๐.๐๐ น. พลเอก สมมติ ใจกล้า เป็นประธานในพิธี"
    )
    assert _lead(_article(text)).endswith("เป็นประธานในพิธี")


@pytest.mark.parametrize(
    ("body", "lead_ends"),
    [
        # A short dateline line, its place on the next line.
        (
            "ในวันพุธที่ 23 ธันวาคม 2563 เวลา 13.30 น.\nณ ห้องประชุม 301 ตึกสมมติ ทำเนียบรัฐบาล\nนายสมมติ กล่าวว่า",
            "ทำเนียบรัฐบาล",
        ),
        # A sentence broken after a word that needs more.
        (
            "วันนี้ (3 ก.พ. 66) นายสมมติ ใจดี รัฐมนตรีว่าการ มอบหมายให้\nนายทดสอบ มีสุข เป็นประธานการประชุม\n"
            "นายทดสอบ กล่าวว่า การประชุมครั้งนี้สำคัญ",
            "เป็นประธานการประชุม",
        ),
        # A telling goes on to the told activity's time and place.
        (
            "วันนี้ (28 ก.พ. 67) นายสมมติ โฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยสาระสำคัญว่า\n"
            "เวลา 09.30 น. ณ ศาลเจ้าสมมติ นายกรัฐมนตรีสักการะศาลเจ้า\nนายกรัฐมนตรีกล่าวว่า ขอบคุณ",
            "นายกรัฐมนตรีสักการะศาลเจ้า",
        ),
    ],
)
def test_lead_runs_over_a_line_break_inside_its_sentence(body: str, lead_ends: str) -> None:
    assert _lead(_article("หัวข้อข่าวสมมติ\n\n" + body)).endswith(lead_ends)


@pytest.mark.parametrize(
    "body",
    [
        # A list after "ได้แก่" is not the sentence going on.
        "วันนี้ (1 มี.ค. 66) นายสมมติ ใจดี เปิดเผยผลการประชุม 3 ประเด็น ได้แก่\nการพัฒนาระบบน้ำ การส่งเสริมอาชีพ",
        # A name or a word ending in the letter ณ is no ณ-place.
        "วันนี้ (1 มี.ค. 66) นายสมมติ ใจดี เป็นประธานการประชุม โดยมีนายแพทย์สมมติ ใจบุญ\nนายสมมติ กล่าวว่า",
        "วันนี้ (1 มี.ค. 66) กระทรวงสมมติ จัดพิธีถวายพระพร แสดงความสำนึกในพระมหากรุณาธิคุณ\nและได้จัดกิจกรรมจิตอาสา",
    ],
)
def test_lead_ends_at_its_line_when_the_next_line_starts_anew(body: str) -> None:
    assert _lead(_article("หัวข้อข่าวสมมติ\n\n" + body)) == body.split("\n")[0]


def test_lead_prefers_a_paragraph_opening_with_a_date_over_a_summary_closing_with_one() -> None:
    text = (
        "หัวข้อข่าวสมมติ\n\n"
        "กระทรวงสมมติ แถลงจัดงานไกล่เกลี่ยหนี้ครั้งใหญ่ ที่ศูนย์แสดงสินค้าสมมติ 8-11 ก.ย.\n"
        "เมื่อวันที่ 31 สิงหาคม 2565 เวลา 13.00 น. ที่กระทรวงสมมติ นายสมมติ ใจดี รัฐมนตรีว่าการ แถลงข่าว\n"
        "นายสมมติ กล่าวว่า งานนี้จัดเป็นครั้งแรก"
    )
    assert _lead(_article(text)).endswith("รัฐมนตรีว่าการ แถลงข่าว")


@pytest.mark.parametrize(
    "second",
    [
        # Quoted speech is no dateline paragraph.
        "“เมื่อวันที่ 31 สิงหาคม 2565 ผมได้หารือกับผู้ประกอบการแล้ว” นายสมมติ กล่าว",
        # A date deep inside the next paragraph does not open it.
        "นายสมมติ ใจดี รัฐมนตรีว่าการ กล่าวว่า การเตรียมงานเริ่มตั้งแต่เมื่อวันที่ 31 สิงหาคม 2565",
    ],
)
def test_summary_closing_with_a_date_stays_the_lead_without_a_better_paragraph(second: str) -> None:
    summary = "กระทรวงสมมติ แถลงจัดงานไกล่เกลี่ยหนี้ครั้งใหญ่ ที่ศูนย์แสดงสินค้าสมมติ วันที่ 8 ก.ย. 65"
    text = f"หัวข้อข่าวสมมติ\n\n{summary}\n{second}"
    assert _lead(_article(text, published=date(2022, 9, 1))) == summary


def test_lead_looks_only_at_the_opening_paragraphs() -> None:
    paragraphs = [f"ย่อหน้าที่ {i} เล่าเรื่องทั่วไปของกรมสมมติ" for i in range(1, 7)]
    text = "หัวข้อข่าว\n\n" + "\n".join(paragraphs) + "\nเมื่อวันที่ 3 มีนาคม 2566 มีการประชุม"
    assert _lead(_article(text)) == paragraphs[0]


def test_caller_published_date_wins_over_the_date_line() -> None:
    article = _article(THAIGOV, published=date(2023, 3, 28))
    assert article.published == date(2023, 3, 28)


def test_caller_title_is_kept() -> None:
    article = _article("เนื้อหาข่าว วันนี้ (1 ม.ค. 67) นายสมมติ เปิดงาน", title="หัวข้อจากหน้าเว็บ")
    assert article.title == "หัวข้อจากหน้าเว็บ"
    assert article.body_start == 0


@pytest.mark.parametrize(
    "headline",
    [
        "พม. จัดงานวันเด็ก 13 ม.ค. 66",  # a dated headline is still the headline
        "ประชุม ครม.สัญจร 3-4 ธ.ค. นี้",
        "วันที่ 5 ธันวาคม 2566 นายกฯ เปิดงานวันพ่อแห่งชาติ ณ ท้องสนามหลวง",
    ],
)
def test_dated_headline_is_not_a_date_line(headline: str) -> None:
    article = _article(f"{headline}\n\nวันนี้ (1 ธ.ค. 66) นายสมมติ แถลงข่าว")
    assert article.title == headline
    assert article.published is None


@pytest.mark.parametrize(
    ("second_date_line", "body_starts"),
    [
        # another day with a clock time under the header's date line: the event's own dateline
        ("4 เมษายน 2568 เวลา 10.30 น.", True),
        # the same day again (a timestamp of the page) is still header
        ("5 เมษายน 2568 เวลา 16.05 น.", False),
        # another day without a time is a date line of the header (an update date)
        ("4 เมษายน 2568", False),
    ],
)
def test_second_date_line_with_another_day_and_a_time_opens_the_body(
    second_date_line: str, body_starts: bool
) -> None:
    text = (
        "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-การขับเคลื่อนภารกิจกระทรวงสมมติ\n\n\nวันเสาร์ที่ 5 เมษายน 2568\n"
        f"การขับเคลื่อนภารกิจกระทรวงสมมติ\n{second_date_line}\n"
        "นายสมศักดิ์ ใจดี รัฐมนตรีว่าการกระทรวงสมมติ เป็นประธานการประชุมผู้บริหาร ครั้งที่ 1/2568"
    )
    article = _article(text)
    assert article.published == date(2025, 4, 5)
    opening = second_date_line if body_starts else "นายสมศักดิ์ ใจดี"
    assert article.text[article.body_start :].startswith(opening)


def test_emptied_cms_page_has_no_title_and_no_date() -> None:
    article = _article("รัฐบาลไทย-\n\n\nวันพฤหัสบดีที่ 1 มกราคม 2513\n\nที่มา : https://www.example.go.th/news/1")
    assert (article.title, article.published) == (None, None)


def test_empty_and_header_only_texts() -> None:
    empty = _article("")
    assert (empty.title, empty.body_start, empty.lead) == (None, 0, (0, 0))
    header_only = _article("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-หัวข้อเดียว\n\n\nวันจันทร์ที่ 27 มีนาคม 2566")
    assert header_only.title == "หัวข้อเดียว"
    assert header_only.published == date(2023, 3, 27)
    assert header_only.body_start == len(header_only.text)


@settings(deadline=None)  # a loaded machine must not fail a property about offsets
@given(st.text(max_size=300))
def test_any_text_gives_consistent_offsets(raw: str) -> None:
    article = _article(raw)
    n = len(article.text)
    assert 0 <= article.body_start <= n
    assert article.body_start <= article.lead[0] <= article.lead[1] <= n
