"""Attendee counts of the main event: invented releases in the style of Thai government sites."""

from __future__ import annotations

import pytest

from extract.attendees import extract_attendee_count
from extract.layout import build_article
from extract.normalise import normalise_text

HEADLINE = "กรมสมมติ จัดประชุมเชิงปฏิบัติการพัฒนาเครือข่ายอาสาสมัคร\n\nวันที่ลงข่าว: 12/02/66\n\n"


def count_of(body: str) -> tuple[int, str] | None:
    article = build_article("t", normalise_text(HEADLINE + body))
    found = extract_attendee_count(article)
    return None if found is None else (found.count, found.qualifier)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "วันนี้ (12 ก.พ. 66) เวลา 09.00 น. นายสมชาย ใจงาม อธิบดีกรมสมมติ เป็นประธานเปิดการประชุม"
            "เชิงปฏิบัติการพัฒนาเครือข่ายอาสาสมัคร โดยมีเจ้าหน้าที่จากหน่วยงานที่เกี่ยวข้อง จำนวน 120 คน "
            "เข้าร่วม ณ โรงแรมริมน้ำพาเลซ จังหวัดนนทบุรี",
            (120, "exact"),
        ),
        (
            "วันที่ 3 มีนาคม 2566 นางวิไล ศรีสุข รองอธิบดี เป็นประธานเปิดการสัมมนา โดยมีผู้เข้าร่วมประชุม "
            "85 คน ประกอบด้วย ผู้แทนจาก 12 จังหวัด",
            (85, "exact"),
        ),
        (
            "วันนี้ (5 ม.ค. 67) นายก้องภพ แสนดี ผู้ว่าราชการจังหวัดสมมติ เปิดงานวันเด็ก มีเด็กและผู้ปกครองร่วมงานกว่า 300 คน",
            (300, "at_least"),
        ),
        (
            "เมื่อวันที่ 8 ส.ค. 65 นายธีระ มั่นคง ปลัดจังหวัด เป็นประธานพิธีเปิด โดยมีผู้นำชุมชน"
            "และประชาชน ประมาณ 200 คน เข้าร่วมพิธี",
            (200, "approx"),
        ),
        (
            "วันที่ 1 ธันวาคม 2566 ที่ศูนย์ประชุมสมมติ รัฐมนตรีเป็นประธานเปิดงาน มีผู้แทนเครือข่ายทั่วประเทศ "
            "จำนวน 1,200 คน เข้าร่วมงาน",
            (1200, "exact"),
        ),
        (
            "วันที่ 9 มิถุนายน 2567 เปิดโครงการฝึกอาชีพ โดยมีผู้เข้าร่วมโครงการ รวมทั้งสิ้น 350 ราย",
            (350, "exact"),
        ),
        (
            "วันที่ ๔ เมษายน ๒๕๖๔ นายสมหวัง ดีงาม เป็นประธานในงาน โดยมีผู้แทนหมู่บ้านร่วมรับเสด็จ จำนวน ๒๕๐ คน",
            (250, "exact"),
        ),
        (
            "วันนี้ (2 ต.ค. 66) เปิดการอบรม โดยมีผู้บริหาร 20 คน และเจ้าหน้าที่ 60 คน รวม 80 คน เข้าร่วม",
            (80, "exact"),
        ),
        (
            "วันที่ 14 มิถุนายน 2568 นางสาวอรทัย ใจดี ผู้อำนวยการสำนักสมมติ ร่วมประชุมรับฟังความคิดเห็น "
            "โดยเชิญผู้มีส่วนได้ส่วนเสีย จำนวนไม่น้อยกว่า 50 ท่าน เข้าร่วมประชุม",
            (50, "at_least"),
        ),
    ],
)
def test_counts_of_the_main_event(body: str, expected: tuple[int, str]) -> None:
    assert count_of(body) == expected


def test_count_in_a_later_paragraph_needs_a_participants_noun() -> None:
    body = (
        "วันนี้ (23 พ.ย. 65) รัฐมนตรีว่าการกระทรวงสมมติ เป็นประธานเปิดการประชุมวิชาการนานาชาติ ครั้งที่ 7\n"
        "นายกสมาคมสมมติ กล่าวเพิ่มเติมว่า การประชุมในครั้งนี้ มีผู้เข้าร่วมการประชุม ประกอบด้วย "
        "นักวิจัยและนักวิชาการทั้งชาวไทยและชาวต่างชาติ จำนวนมากกว่า 400 คน"
    )
    assert count_of(body) == (400, "at_least")


@pytest.mark.parametrize(
    "body",
    [
        # money, provinces, centres
        "วันที่ 4 มีนาคม 2564 นายสมปอง ใจเย็น เป็นประธานมอบงบประมาณ 5,000,000 บาท แก่ 12 จังหวัด และศูนย์บริการ 9 แห่ง",
        # new cases are not people at the event
        "วันนี้ (8 ก.ค. 64) กรมสมมติ แถลงว่า พบผู้ป่วยรายใหม่ 35 ราย และผู้ติดเชื้อสะสม 1,200 คน",
        # a hotline number followed by คน…
        "วันนี้ (10 ม.ค. 66) ประธานเปิดศูนย์ช่วยเหลือ ประชาชนโทร 1300 คนที่ประสบปัญหาได้ตลอด 24 ชั่วโมง",
        # a year glued to a word that starts with คน
        "วันที่ 16 มิถุนายน 2566 เปิดงาน EXPO 2023 คนชลบุรีได้งาน ณ ศูนย์การค้าสมมติ",
        # a year after a month, then "ท่าน" (you)
        "วันนี้ (29 ก.ย. 64) รฟม. มอบกล่องยังชีพ รวมจำนวน 21,200 กล่อง ตั้งแต่วันที่ 20 - 28 กันยายน 2564"
        " ท่านสามารถติดตามข่าวสารได้",
        # a daily capacity, not attendance
        "วันนี้ (20 ส.ค. 64) เปิดจุดฉีดวัคซีน ตั้งเป้าฉีดให้ประชาชน วันละ 1,000 คน",
        # businesses counted with ราย are not people
        "วันนี้ (24 มีนาคม 2568) ผู้แทนการค้าไทย นำผู้ประกอบการไทย จำนวน 9 ราย เข้าร่วมงานจับคู่ธุรกิจ",
    ],
)
def test_numbers_that_are_not_attendees(body: str) -> None:
    assert count_of(body) is None


@pytest.mark.parametrize(
    "later",
    [
        "ปัจจุบัน ประเทศไทยมีคนพิการที่มีบัตรประจำตัวคนพิการ จำนวนกว่า 2 ล้านคน",
        "เบื้องต้นมีผู้ประสบภัยมาลงทะเบียนแล้ว จำนวน 264 คน",
        "อีกทั้งได้มอบเงินสงเคราะห์ให้แก่ผู้มีรายได้น้อย จำนวน 20 ราย",
        "ที่ผ่านมา มีสมาชิกโครงการทั่วประเทศ 123,424 คน",
        "ซึ่งมีผู้เข้ารับการบำบัดรักษา จำนวน 39 คน เพื่อฟื้นฟูสภาพจิตใจ",
        "พบว่าหญิงดังกล่าว อายุ 33 ปี มีลูก 2 คน",
    ],
)
def test_statistics_and_beneficiaries_in_later_paragraphs(later: str) -> None:
    body = f"วันที่ 7 กรกฎาคม 2567 นายอนันต์ สุขใจ ปลัดกระทรวงสมมติ ลงพื้นที่ตรวจเยี่ยมชุมชนริมคลอง\nนายอนันต์ กล่าวว่า {later}"
    assert count_of(body) is None


def test_dateline_count_before_a_later_one() -> None:
    body = (
        "วันนี้ (24 เม.ย. 66) เวลา 09.00 น. ปลัดกระทรวงสมมติ เปิดงานสมัชชาคนตาบอด โดยมีผู้แทนหน่วยงาน"
        "ที่เกี่ยวข้อง จำนวน 800 คน เข้าร่วมงาน พร้อมทั้งมีผู้เข้าร่วมงานกว่า 500 คน ผ่านระบบออนไลน์\n"
        "ทั้งนี้ การสัมมนาปีที่แล้วมีผู้เข้าร่วมกว่า 5,000 คน"
    )
    assert count_of(body) == (800, "exact")


def test_span_points_at_the_count_as_written() -> None:
    text = HEADLINE + "วันที่ ๔ เมษายน ๒๕๖๔ เปิดงาน โดยมีประชาชนร่วมงาน กว่า ๑,๕๐๐ คน"
    article = build_article("t", normalise_text(text))
    found = extract_attendee_count(article)
    assert found is not None
    assert article.surface(found.span) == "กว่า ๑,๕๐๐ คน"


def test_empty_text() -> None:
    assert extract_attendee_count(build_article("t", normalise_text(""))) is None


@pytest.mark.parametrize(
    "body",
    [
        # a count inside a quoted programme name or slogan
        "วันนี้ (26 พ.ค. 66) นายสมมติ ใจดี ผู้ว่าราชการจังหวัดสมมติ เป็นประธานเปิดกิจกรรม “1 คน 1 ต้น เพื่อคนสมมติ”"
        " โดยนำภาคีเครือข่ายร่วมปลูกต้นไม้ คนละ 1 ต้น",
        'วันที่ 2 ก.ค. 67 นายสมมติ ใจดี ร่วมงาน "ชวน 100 คน ปั่นเพื่อสุขภาพ" ณ สวนสมมติ',
        # a staffing request is not attendance
        "วันที่ 25 ตุลาคม 2566 รองนายกรัฐมนตรี ตรวจเยี่ยมสำนักงานสมมติ โดยเลขาธิการ สะท้อนปัญหาขอเพิ่มบุคลากร 200 คน",
        # patients in treatment and people screened
        "วันนี้ (1 ธ.ค. 64) นายสมมติ ใจดี ลงพื้นที่ตรวจเยี่ยมโรงพยาบาลสมมติ ซึ่งมีผู้เข้ารับการรักษา 320 ราย",
        "วันที่ 5 มี.ค. 67 นายสมมติ ใจดี เปิดโครงการตรวจสุขภาพ ให้บริการคัดกรองกลุ่มเสี่ยง 330 คน",
        # farmers enrolled in a programme are beneficiaries, not people at the event
        "วันที่ 9 ม.ค. 68 นายสมมติ ใจดี ลงพื้นที่ติดตามโครงการปลูกป่า มีราษฎรเข้าร่วมโครงการ 95 ราย",
    ],
)
def test_counts_that_are_names_requests_or_beneficiaries(body: str) -> None:
    assert count_of(body) is None


def test_awardees_counted_with_rai_in_a_later_paragraph() -> None:
    body = (
        "วันนี้ (30 ก.ย. 65) นายสมมติ ใจดี องคมนตรี เป็นประธานในพิธีประกาศเกียรติคุณนักสังคมสงเคราะห์ดีเด่น\n"
        "นายสมหมาย กล่าวว่า ในปีนี้มีนักสังคมสงเคราะห์ดีเด่นที่เข้ารับประกาศเกียรติคุณ จำนวนทั้งสิ้น 22 ราย"
        " แบ่งออกเป็น 3 ประเภท"
    )
    assert count_of(body) == (22, "exact")
