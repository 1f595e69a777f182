"""Which paragraph of a release tells the main event, on invented releases in the style of real sites."""

from __future__ import annotations

import pytest

from extract.event_zone import locate_event_zone
from extract.layout import build_article
from extract.normalise import normalise_text

SITE_HEADER = "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-{title}\n\nวันศุกร์ที่ 1 พฤศจิกายน 2567\n{title}\n"


def zone_texts(title: str, body: str) -> tuple[str, list[str], list[str]]:
    """(dateline text, headline texts, rest texts) of a release with the thaigov header."""
    article = build_article("t", normalise_text(SITE_HEADER.format(title=title) + body))
    zone = locate_event_zone(article)
    text = article.text
    return (
        text[zone.dateline[0] : zone.dateline[1]],
        [text[s:e] for s, e in zone.headline],
        [text[s:e] for s, e in zone.rest],
    )


@pytest.mark.parametrize(
    ("body", "opening"),
    [
        # a weekday date opens the dateline in the third paragraph, after background
        (
            "ตามที่มีพระบรมราชโองการโปรดเกล้าฯ พระราชทานยศพลตรีแก่นายทหารสมมติ จำนวน 12 นาย\n"
            "แบ่งเป็น พลตรี 10 นาย พลเรือตรี 2 นาย นั้น\n"
            "ทั้งนี้ ในวันศุกร์ ที่ 1 พฤศจิกายน 2567 เวลา 10.00 น. พลเอก สมหมาย ใจกล้า ปลัดกระทรวงสมมติ "
            "เป็นประธานในพิธีแสดงความยินดี ณ ห้องประชุมสมมติ\n"
            "ปลัดกระทรวงสมมติ ได้กล่าวแสดงความยินดี\n",
            "ทั้งนี้ ในวันศุกร์ ที่ 1 พฤศจิกายน",
        ),
        # "ในวันอังคารที่ 5 …" after a sub-headline without a date
        (
            "กระทรวงสมมติ ติดตามการขับเคลื่อนนโยบายเร่งด่วน พร้อมเปิด “สวนชุมชนสมมติ”\n"
            "ในวันอังคารที่ 5 พฤศจิกายน 2567 เวลา 09.30 น. นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงสมมติ "
            "เป็นประธานการประชุมผู้บริหารกระทรวง ครั้งที่ 9/2567\n"
            "โดยที่ประชุมได้รับทราบรายงานงบประมาณ\n",
            "ในวันอังคารที่ 5 พฤศจิกายน",
        ),
        # a sub-headline that ends with the date loses to the paragraph that opens with it
        (
            "สำนักงานสมมติ แถลงเดินหน้าโครงการ “บัตรสมมติดิจิทัล” ผลิตภัณฑ์ใหม่ของสำนักงาน เมื่อวันที่ 2 ตุลาคม 2567\n"
            "เมื่อวันที่ 2 ตุลาคม 2567 เวลา 13.00 น. สำนักงานสมมติ โดย นายสมพงษ์ มีทรัพย์ โฆษกสำนักงาน "
            "แถลงเดินหน้าโครงการ ณ อาคารสมมติ\n"
            "นายสมพงษ์ เปิดเผยว่า โครงการนี้จะเริ่มในเดือนหน้า\n",
            "เมื่อวันที่ 2 ตุลาคม 2567 เวลา 13.00 น.",
        ),
        # "เมื่อวานนี้ (…)" is a dateline opener too
        (
            "เมื่อวานนี้ (3 ก.ค. 68) นางสาวสมศรี ใจงาม รัฐมนตรีช่วยว่าการกระทรวงสมมติ ตอบกระทู้ถามในการประชุมสภา\n"
            "นางสาวสมศรี กล่าวว่า รัฐบาลให้ความสำคัญ\n",
            "เมื่อวานนี้ (3 ก.ค. 68)",
        ),
        # no date near any paragraph's start: a sub-headline, then the chair's paragraph whose date comes too late to be a cue
        (
            "เดินหน้าบูรณาการทุกหน่วยงาน เพิ่มประสิทธิภาพการส่งออกสินค้าสมมติ\n"
            "นายสมพร ใจดี ปลัดกระทรวงสมมติ เป็นประธานการประชุมหารือการพัฒนาระบบขับเคลื่อนนโยบายการค้าสินค้า"
            "สมมติระหว่างประเทศของกระทรวงสมมติ เพื่อประโยชน์จากการค้าที่เพิ่มขึ้น เมื่อวันที่ 9 พฤษภาคม 2566 "
            "ณ ห้องประชุม 134 กระทรวงสมมติ\n"
            "การประชุมในครั้งนี้ เป็นการหารือแนวทาง\n",
            "นายสมพร ใจดี",
        ),
        # a military rank and a nickname headline; the lead gives no date at all
        (
            "รมว.สมหมาย นั่งหัวโต๊ะคณะกรรมการสร้างอาชีพเกษตรกร เดินหน้าแบบบูรณาการ\n"
            "ร้อยเอกสมหมาย ใจกล้า รัฐมนตรีว่าการกระทรวงสมมติ เป็นประธานการประชุมคณะกรรมการสร้างอาชีพ "
            "ครั้งที่ 1/2567 ณ ห้องประชุมกระทรวงสมมติ\n",
            "ร้อยเอกสมหมาย ใจกล้า",
        ),
        # what was said after the deed ("เปิดเผยภายหลังลงพื้นที่…") tells the deed
        (
            "ปลัดกระทรวงสมมติ ลุยตรวจงาน 17 จังหวัดภาคเหนืออย่างต่อเนื่อง นำทีมเยี่ยมชมการดำเนินงานสหกรณ์\n"
            "ดร.สมปอง ใจดี ปลัดกระทรวงสมมติ เปิดเผยภายหลังลงพื้นที่ตรวจเยี่ยมการดำเนินงานสหกรณ์สมมติ จำกัด "
            "ตำบลน้ำแพร่ อำเภอหางดง จังหวัดเชียงใหม่ ว่า สหกรณ์มีความเข้มแข็ง\n",
            "ดร.สมปอง ใจดี",
        ),
        # the time alone opens the activity's paragraph under a sub-headline
        (
            "รัฐมนตรีสมมติ เสวนาประชาชน 4 ภาค รับฟังความเห็นแนวทาง ร่างกฎหมายสมมติ\n"
            "เมื่อเวลา 09.00 น. กรมสมมติ จัดการสัมมนาเชิงปฏิบัติการ เรื่อง “การเฝ้าระวังในชุมชน” "
            "โดยมี นายสมศักดิ์ ใจดี รัฐมนตรีว่าการกระทรวงสมมติ เป็นประธาน\n",
            "เมื่อเวลา 09.00 น.",
        ),
    ],
)
def test_dateline_found(body: str, opening: str) -> None:
    dateline, _, _ = zone_texts("กระทรวงสมมติ จัดกิจกรรม", body)
    assert dateline.startswith(opening)


def test_quoted_speech_with_a_date_is_not_the_dateline() -> None:
    body = (
        "นายสมคิด ใจดี โฆษกศูนย์สมมติ เปิดเผยกำหนดการนายกรัฐมนตรีลงพื้นที่จังหวัดสมมติในบ่ายนี้\n"
        "“ในส่วนของกิจกรรมจิตอาสา ในวันอาทิตย์ที่ 29 ก.ย. นี้ ขอเชิญชวนประชาชนมาร่วมกัน” นายสมคิด กล่าว\n"
        "“ในวันจันทร์ที่ 30 ก.ย. นายกรัฐมนตรีจะประชุมต่อ” นายสมคิด กล่าวเพิ่มเติม\n"
    )
    dateline, _, _ = zone_texts("โฆษกฯ เผยนายกรัฐมนตรีลงพื้นที่", body)
    assert dateline.startswith("นายสมคิด ใจดี")


@pytest.mark.parametrize(
    ("body", "continued", "first_rest"),
    [
        # a line broken after "มอบหมายให้": the chair is on the next line
        (
            "เมื่อวันที่ 7 มกราคม 2565 นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงสมมติ มอบหมายให้\n"
            "นายสมปอง รักงาน เลขานุการรัฐมนตรี เป็นประธานการประชุมหารือ ณ วิทยาลัยเทคนิคสมมติ\n"
            "นายสมปอง กล่าวว่า ความร่วมมือนี้สำคัญ\n",
            "เป็นประธานการประชุมหารือ",
            "นายสมปอง กล่าวว่า",
        ),
        # date and time on a line of their own, the place on the next
        (
            "กระทรวงสมมติ ประชุมคณะกรรมการสมมติ ครั้งที่ 1/2564\n"
            "ในวันอังคารที่ 26 มกราคม 2564 เวลา 15.00 น.\n"
            "ณ ห้องประชุมสมมติ ชั้น 8 อาคารกระทรวงสมมติ\n"
            "นายสมศักดิ์ ใจงาม ปลัดกระทรวงสมมติ เป็นประธานการประชุมคณะกรรมการสมมติ ครั้งที่ 1/2564 "
            "เพื่อพิจารณาแนวทางการดำเนินงานของหน่วยงานในสังกัด ประจำปีงบประมาณ พ.ศ. 2564 ทั้งหมด\n"
            "ที่ประชุมมีมติเห็นชอบ\n",
            "เป็นประธานการประชุมคณะกรรมการสมมติ",
            "ที่ประชุมมีมติเห็นชอบ",
        ),
    ],
)
def test_broken_dateline_runs_on(body: str, continued: str, first_rest: str) -> None:
    dateline, _, rest = zone_texts("กระทรวงสมมติ ประชุมหารือ", body)
    assert continued in dateline
    assert rest[0].startswith(first_rest)


def test_full_dateline_does_not_swallow_the_next_paragraph() -> None:
    body = (
        "วันนี้ (14 สิงหาคม 2568) เวลา 09.00 น. ที่ศูนย์ประชุมสมมติ นายสมหมาย ใจดี ปลัดกระทรวงสมมติ "
        "เป็นประธานเปิดงานสัมมนาวิชาการ ประจำปี 2568 โดยมีผู้เข้าร่วม 300 คน\n"
        "ปลัดกระทรวง กล่าวว่า ระบบบริการต้องพัฒนาต่อเนื่อง\n"
    )
    dateline, _, rest = zone_texts("ปลัดกระทรวงสมมติ เปิดสัมมนา", body)
    assert "\n" not in dateline
    assert rest == ["ปลัดกระทรวง กล่าวว่า ระบบบริการต้องพัฒนาต่อเนื่อง"]


def test_undated_release_keeps_the_first_paragraph() -> None:
    body = "นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงสมมติ ลงพื้นที่ตรวจเยี่ยมโรงเรียนสมมติ\nรัฐมนตรี กล่าวว่า\n"
    dateline, headline, rest = zone_texts("รัฐมนตรีลงพื้นที่ตรวจเยี่ยมโรงเรียน", body)
    assert dateline.startswith("นายสมชาย ใจดี")
    assert rest == ["รัฐมนตรี กล่าวว่า"]
    assert "รัฐมนตรีลงพื้นที่ตรวจเยี่ยมโรงเรียน" in headline


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the first paragraph says where, so it is the lead, not a sub-headline
        (
            "พัฒนาสังคมจังหวัดสมมติ จัดโครงการส่งเสริมการจัดสวัสดิการสังคม ณ.โรงแรมสมมติ เมื่อวันที่ผ่านมา",
            "นายสมชาย ใจดี ผู้อำนวยการสำนักงานสมมติ กล่าวว่า การดำเนินงานเป็นไปด้วยดี",
        ),
        # a person who speaks first ("เปิดเผยว่า") makes a statement, not the lead, whatever follows
        (
            "ด่วน กระทรวงสมมติ รับสมัครพนักงานทำงานต่างประเทศ 25 อัตรา",
            "นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงสมมติ เปิดเผยว่า กรมสมมติ เปิดรับสมัครและจะมอบเงินสนับสนุน",
        ),
        # "นายกเทศมนตรี…" opens with a post that merely begins like the title นาย
        (
            "ยกระดับบริการสาธารณสุขชุมชนสมมติ สู่มาตรฐานใหม่",
            "นายกเทศมนตรีนครสมมติ เป็นประธานเปิดงานต้อนรับคณะผู้บริหาร",
        ),
    ],
)
def test_undated_first_paragraph_stays_the_dateline(first: str, second: str) -> None:
    dateline, _, _ = zone_texts("กระทรวงสมมติ ขับเคลื่อนนโยบาย", f"{first}\n{second}\n")
    assert dateline == first


@pytest.mark.parametrize("text", ["", "\n\n", "หัวข้อข่าว", "หัวข้อข่าว\n\nวันที่ 1 มกราคม 2567\n"])
def test_degenerate_input(text: str) -> None:
    zone = locate_event_zone(build_article("t", normalise_text(text)))
    assert zone.dateline[0] <= zone.dateline[1]
