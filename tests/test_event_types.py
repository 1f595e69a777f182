"""Event types from cue words: the programme name first, then the sentence that tells the event."""

from __future__ import annotations

from typing import get_args

import pytest

from extract.event_types import load_event_type_cues, type_from_name
from extract.layout import build_article
from extract.normalise import normalise_text
from extract.programmes import extract_event_facts
from schemas.models import EventType

HEADLINE = "กระทรวงสมมติ เดินหน้างานด้านสังคม\n\nวันที่ลงข่าว: 12/02/66\n\n"


def type_of(body: str, headline: str = HEADLINE) -> str | None:
    facts = extract_event_facts(build_article("t", normalise_text(headline + body)))
    return facts.event_type.value if facts.event_type else None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("การประชุมเชิงปฏิบัติการขับเคลื่อนแผนงาน ประจำปี 2567", "workshop"),
        # a seminar held as a workshop is a workshop, in a name and in the sentence that tells it
        ("การสัมมนาเชิงปฏิบัติการเพื่อยกระดับการบริหารงานคุณภาพ", "workshop"),
        ("การประชุมสัมมนาเชิงปฏิบัติการเรื่องยกระดับผู้บริหารสหกรณ์ในยุคดิจิทัล", "workshop"),
        ("โครงการสัมมนาเชิงปฏิบัติการขับเคลื่อนภารกิจด้านการป้องกันการทุจริต ปีงบประมาณ 2568", "workshop"),
        ("การประชุมสัมมนาวิชาการระดับชาติด้านการแพทย์ ปี 2565", "seminar"),
        ("การประชุมวิชาการนานาชาติทางสัตวแพทย์ ครั้งที่ 45", "seminar"),
        ("เวทีเสวนา อนาคตเกษตรไทย", "seminar"),
        ("โครงการอบรมแนวทางการขับเคลื่อนองค์กรคุณธรรม", "training"),
        ("พิธีประกาศเกียรติคุณนักสังคมสงเคราะห์ดีเด่น", "ceremony"),
        ("ลงนามบันทึกข้อตกลงความร่วมมือ (MOU) การส่งเสริมการออม", "ceremony"),
        # merit-making offerings of robes are ceremonies
        ("ถวายผ้าพระกฐินพระราชทาน กระทรวงสมมติ ประจำปี 2566", "ceremony"),
        ("ทอดผ้าป่าสามัคคีเพื่อการศึกษา โรงเรียนบ้านสมมติ", "ceremony"),
        ("มหกรรมกองทุนหมู่บ้าน ประจำปี 2563", "campaign"),
        ("อุตสาหกรรมแฟร์ สมมติบุรี", "campaign"),
        # an agency's anniversary is celebrated with a ceremony
        ("งานวันคล้ายวันสถาปนา สำนักงานสมมติ ครบรอบ 46 ปี", "ceremony"),
        ("วันสถาปนามหาวิทยาลัยสมมติ ครบรอบ 50 ปี", "ceremony"),
        ("การประชุมคณะกรรมการนโยบายการประมงแห่งชาติ ครั้งที่ 3/2567", "meeting"),
        # the head word decides: a meeting that also has a training part is a meeting
        ("การประชุมพัฒนาศักยภาพเครือข่ายและการอบรมเสริมสร้างภาวะผู้นำ", "meeting"),
        ("EEC JOB EXPO 2023", None),
        ("ครัวเรือนสีขาว ปลอดยาเสพติด", None),
    ],
)
def test_type_from_name(name: str, expected: str | None) -> None:
    assert type_from_name(name) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "วันที่ 7 กรกฎาคม 2567 ปลัดกระทรวงสมมติ พร้อมคณะ ลงพื้นที่ชุมชนริมคลอง เพื่อช่วยเหลือผู้ประสบอัคคีภัย",
            "visit",
        ),
        (
            "วันนี้ (2 ก.พ. 66) เวลา 11.00 น. ณ ห้องประชุม 109 ทำเนียบรัฐบาล รัฐมนตรีได้พบปะผู้แทนเครือข่ายเกษตรกร 5 คน",
            "meeting",
        ),
        (
            "วันที่ 18 ธันวาคม 2567 ปลัดกระทรวง เป็นประธานเปิดโครงการเสริมสร้างบุคลากรยุคใหม่ รุ่นที่ 1 "
            "โดยมีข้าราชการ 40 คน เข้ารับการอบรม",
            "training",
        ),
        (
            "(5 ตุลาคม 2564) รัฐมนตรีทั้งสองกระทรวง ได้ร่วมหารือและลงนามบันทึกข้อตกลงการผลักดัน "
            "โครงการความร่วมมือยุติการระบาด มุ่งเน้นนวัตกรรม",
            "ceremony",
        ),
        (
            "วันที่ 16 มิถุนายน 2566 รัฐมนตรีว่าการกระทรวงแรงงาน มอบหมาย เลขานุการรัฐมนตรี เปิดงาน “EEC JOB "
            "EXPO 2023” ณ ศูนย์การค้าสมมติ",
            "ceremony",
        ),
        (
            "วันนี้ (28 มิ.ย. 67) ผู้ว่าราชการจังหวัด เป็นประธานมอบธงสัญลักษณ์ “บ้านสีขาว” ให้แก่ครัวเรือนต้นแบบ",
            "ceremony",
        ),
        (
            "วันที่ 3 มีนาคม 2568 รองปลัดกระทรวงสมมติ เป็นประธานเปิดการสัมมนาเชิงปฏิบัติการ ณ โรงแรมสมมติ",
            "workshop",
        ),
        (
            "วันที่ 4 มีนาคม 2568 อธิบดีกรมสมมติ เป็นประธานเปิดการประชุมสัมมนาเชิงปฏิบัติการ ณ โรงแรมสมมติ",
            "workshop",
        ),
    ],
)
def test_type_from_context_when_the_name_says_nothing(body: str, expected: str) -> None:
    assert type_of(body) == expected


@pytest.mark.parametrize(
    ("headline", "body", "expected"),
    [
        # the headline's visit decides over a meeting told later in the dateline sentence
        (
            "“รองนายกฯ สมศักดิ์” ตรวจเยี่ยม สำนักงานสมมติ ย้ำทำงานให้เร็ว\n\n",
            "วันนี้ (3 มี.ค. 67) นายสมศักดิ์ ใจดี รองนายกรัฐมนตรี พร้อมคณะ ได้พบปะเจ้าหน้าที่และรับฟังการบรรยายสรุป",
            "visit",
        ),
        # an opening comes before the talk show inside the event
        (
            "กรมสมมติ เปิดบ้านต้อนรับประชาชน\n\n",
            "วันนี้ (5 ก.ย. 67) นายสมชาย ใจดี รัฐมนตรี เปิดงาน OPEN HOUSE 2024 ณ อาคารสมมติ พร้อมร่วมเสวนาเรื่องความปลอดภัย",
            "ceremony",
        ),
        # a press conference, though the news is about a visit
        (
            "ศูนย์สมมติ เตรียมแถลงข่าวนอกสถานที่\n\n",
            "วันนี้ (2 ส.ค. 68) ศูนย์สมมติ เตรียมแถลงข่าว ณ กองบินสมมติ หลังคณะทูตลงพื้นที่ชายแดน",
            "other",
        ),
        # talks that end in a signing
        (
            "สองกระทรวงจับมือพัฒนานวัตกรรม\n\n",
            "(5 ตุลาคม 2564) หลังการประชุมคณะรัฐมนตรี รัฐมนตรีทั้งสองกระทรวง ได้ร่วมหารือและลงนามบันทึกข้อตกลง",
            "ceremony",
        ),
        # a trip made to preside over an opening
        (
            "กระทรวงสมมติ หนุนชุมชนดูแลผู้สูงอายุ\n\n",
            "วันที่ 21 มิถุนายน 2568 ปลัดกระทรวงสมมติ ลงพื้นที่จังหวัดสมมติ ณ ศูนย์พัฒนาคุณภาพชีวิตผู้สูงอายุ "
            "เพื่อเป็นประธานในพิธีเปิดบ้านศูนย์",
            "ceremony",
        ),
        # giving policy is a meeting, not a handing-over
        (
            "รัฐมนตรีสมมติ พบเจ้าหน้าที่สาธารณสุข\n\n",
            "วันนี้ (21 ต.ค. 65) ที่ห้องสมมติ รัฐมนตรี มอบนโยบายการสร้างเสริมภูมิคุ้มกันให้กับอาสาสมัคร",
            "meeting",
        ),
        # a campaign stage is a campaign
        (
            "ผู้ช่วยรัฐมนตรี เปิดเวทีรณรงค์เกษตรปลอดภัย\n\n",
            "วันนี้ (9 ม.ค. 68) ผู้ช่วยรัฐมนตรี เปิดเวทีรณรงค์สร้างการรับรู้เกษตรที่เป็นมิตรกับสิ่งแวดล้อม ณ ลานสมมติ",
            "campaign",
        ),
        # a headline's seminar that the dateline tells as a workshop is the workshop
        (
            "รัฐมนตรีสมมติ เสวนาประชาชน 4 ภาค รับฟังความเห็นร่างกฎหมาย\n\n",
            "วันนี้ (17 ธ.ค. 64) กรมสมมติ จัดการสัมมนาเชิงปฏิบัติการ เรื่อง “การเฝ้าระวังในชุมชน” ผ่านระบบการประชุมทางไกล",
            "workshop",
        ),
        # … but a headline's visit keeps the trip whatever was held on it
        (
            "รัฐมนตรีสมมติ ลงพื้นที่จังหวัดสมมติ ติดตามงานสหกรณ์\n\n",
            "วันนี้ (17 ธ.ค. 64) รัฐมนตรีสมมติ เดินทางไปยังสหกรณ์สมมติ และร่วมประชุมเชิงปฏิบัติการกับสมาชิก",
            "visit",
        ),
        # a project kicked off is launched at a ceremony; one "ready to kick off" later is not yet
        (
            "นายกฯ Kick Off โครงการสมมติ ตั้งเป้าคนไทย 38 ล้านคน\n\n",
            "วันนี้ (9 ม.ค. 68) ณ ลานสมมติ นายกรัฐมนตรี Kick Off “โครงการสมมติ” พร้อมมอบนโยบาย",
            "ceremony",
        ),
        (
            "“หมอสมมติ” ติดตามระบบบัตรประชาชนใบเดียว มั่นใจพร้อม Kick Off 8 ม.ค. 67 นี้\n\n",
            "วันนี้ (15 ธ.ค. 66) นพ.สมมติ ใจดี รัฐมนตรี ลงพื้นที่ติดตามความพร้อมของระบบ ณ โรงพยาบาลสมมติ",
            "visit",
        ),
        # a parade
        (
            "นายกฯ ร่วมพาเหรดส่งท้ายเดือนเทศกาลไพรด์\n\n",
            "วันนี้ (30 มิ.ย. 67) นายกรัฐมนตรี ร่วมขบวนพาเหรด ณ ถนนสมมติ พร้อมกล่าวต้อนรับผู้ร่วมงาน",
            "campaign",
        ),
        # joining a named activity with no other cue
        (
            "ผู้ว่าฯ สมมติ ร่วมกิจกรรมปลูกต้นไม้\n\n",
            "วันนี้ (5 มิ.ย. 67) ผู้ว่าราชการจังหวัดสมมติ ร่วมกิจกรรม “1 คน 1 ต้น เพื่อเมืองสมมติ” ณ สวนสาธารณะสมมติ",
            "campaign",
        ),
        # an exhibition centre is a venue, not an exhibition
        (
            "รัฐมนตรีสมมติ ร่วมลงนามความร่วมมือวิจัย\n\n",
            "เมื่อ 5 กุมภาพันธ์ 2567 ณ ศูนย์นิทรรศการและการประชุมสมมติ รัฐมนตรีร่วมพิธีลงนามบันทึกความเข้าใจ",
            "ceremony",
        ),
    ],
)
def test_main_verb_decides(headline: str, body: str, expected: str) -> None:
    assert type_of(body, headline) == expected


def test_meeting_room_is_not_a_meeting() -> None:
    body = "วันนี้ (9 ม.ค. 67) เวลา 10.00 น. ณ ห้องประชุมกระทรวง รัฐมนตรีเป็นประธานในพิธีมอบรางวัลข้าราชการดีเด่น"
    assert type_of(body) == "ceremony"


def test_every_cue_row_is_valid() -> None:
    cues = load_event_type_cues()
    assert cues
    assert {cue.event_type for cue in cues} <= set(get_args(EventType))
    assert {cue.scope for cue in cues} == {"name", "context", "weak", "fallback"}
