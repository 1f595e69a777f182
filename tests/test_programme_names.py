"""Programme names of the main event (``find_programme_name``): invented releases in the style of real sites."""

from __future__ import annotations

import pytest

from extract.layout import build_article
from extract.normalise import normalise_text
from extract.programme_names import find_programme_name

HEADLINE = "กรมสมมติ เดินหน้าพัฒนาเครือข่าย\n\nวันที่ลงข่าว: 12/02/66\n\n"


def name_of(body: str) -> str | None:
    found = find_programme_name(build_article("t", normalise_text(HEADLINE + body)))
    return None if found is None else found.value


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an occasion clause that runs to the edition year belongs to the name
        (
            "วันนี้ (7 พ.ค. 68) นายชัยพล สมมติ อธิบดีกรมสมมติ เป็นประธานพิธีเปิดงานสัปดาห์ส่งเสริมศาสนา"
            " เนื่องในเทศกาลวันสมมติบูชา จังหวัดสมมติ ประจำปี ๒๕๖๘ ณ วัดหลวงสมมติ อำเภอเมือง",
            "งานสัปดาห์ส่งเสริมศาสนา เนื่องในเทศกาลวันสมมติบูชา จังหวัดสมมติ ประจำปี ๒๕๖๘",
        ),
        # … but without a year it is the sentence going on
        (
            "วันนี้ (8 มี.ค. 67) นางสมใจ ใจดี เป็นประธานเปิดงานสตรีสร้างสรรค์ เนื่องในวันสตรีสากล ณ ศูนย์ประชุมสมมติ",
            "งานสตรีสร้างสรรค์",
        ),
        # "โดยสมัครใจ" and an English rendering after "ระดับชาติ" are part of the name
        (
            "เมื่อวันที่ 12 ก.ค. 65 นางพัชรี สมมติ ปลัดกระทรวงสมมติ เข้าร่วมการประชุมรายงานผลการทบทวนวาระสมมติ"
            " ค.ศ. 2030 ระดับชาติ โดยสมัครใจ (Voluntary National Review: VNR) ในห้วงการประชุมระดับสูง ประจำปี 2565",
            "การประชุมรายงานผลการทบทวนวาระสมมติ ค.ศ. 2030 ระดับชาติ โดยสมัครใจ (Voluntary National Review: VNR)",
        ),
        # the opening ceremony of something without a head word, not the second ceremony after it
        (
            "วันนี้ (24 ก.ย. 65) เวลา 11.30 น. นายชวน สมมติ เป็นประธานในพิธีเปิดศูนย์ช่วยเหลือสังคม สมมติปันสุข"
            " ณ เทศบาลตำบลสมมติ จากนั้น เป็นประธานในพิธีมอบเงินช่วยเหลือราษฎร",
            "พิธีเปิดศูนย์ช่วยเหลือสังคม สมมติปันสุข",
        ),
        # "จัดโดย" ends a name
        (
            "วันที่ 26 เมษายน 2567 นายสมมติ ใจดี กล่าวปาฐกถาพิเศษ ในการประชุมวิชาการประชากรศาสตร์แห่งชาติ 2567"
            " จัดโดย สมาคมสมมติ ณ โรงแรมสมมติ",
            "การประชุมวิชาการประชากรศาสตร์แห่งชาติ 2567",
        ),
        # a second ceremony glued after an edition in brackets is not part of the first
        (
            "ทั้งนี้ ในวันศุกร์ ที่ ๑ เมษายน ๒๕๖๕ พลเอก สมมติ ใจดี เป็นประธานในพิธีแสดงความยินดีแก่นายทหาร"
            "ที่ได้รับพระราชทานยศ ครั้งที่ ๒ (เม.ย.๖๕)และพิธีรายงานตัวของนายทหาร ณ ห้องสมมติ",
            "พิธีแสดงความยินดีแก่นายทหารที่ได้รับพระราชทานยศ ครั้งที่ ๒ (เม.ย.๖๕)",
        ),
        # a course's quoted title completes the name
        (
            "วันนี้ (27 มิ.ย. 66) นายสมมติ ใจดี เป็นประธานเปิดโครงการฝึกอบรมเชิงปฏิบัติการ หลักสูตร “ผู้นำสมมติ”"
            " ให้กับผู้เข้ารับการอบรม",
            "โครงการฝึกอบรมเชิงปฏิบัติการ หลักสูตร “ผู้นำสมมติ”",
        ),
        # an activity carried out under a quoted programme
        (
            "การสมมติแห่งประเทศไทย โดย นายถนอม สมมติ ได้ส่งมอบอาหารกล่อง ภายใต้กิจกรรม “กล่องสมมติ เติมสุข”"
            " จำนวน 300 กล่อง ให้แก่ โรงพยาบาลสมมติ",
            "กล่องสมมติ เติมสุข",
        ),
    ],
)
def test_programme_name(body: str, expected: str) -> None:
    assert name_of(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # a bare verb and what the meeting was about is no name
        "วันที่ 25 ตุลาคม 2566 นายสมศักดิ์ สมมติ ตรวจเยี่ยมสำนักงานสมมติ โดยมีผู้บริหารให้การต้อนรับ"
        " และร่วมประชุมถึงแนวทางการขับเคลื่อนงาน",
        "วันที่ 1 มี.ค. 66 นายสมมติ ใจดี ลงพื้นที่ และร่วมประชุมหารือกับเครือข่ายในพื้นที่ เพื่อรับฟังปัญหา",
    ],
)
def test_no_programme_name(body: str) -> None:
    assert name_of(body) is None
