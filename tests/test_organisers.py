"""Organising agency of the main event, as written (acronyms expanded only when the text has the name)."""

from __future__ import annotations

import pytest

from extract.layout import build_article
from extract.normalise import normalise_text
from extract.organisers import find_organiser

HEADLINE = "เปิดเวทีพัฒนาเครือข่ายภาคประชาสังคม\n\nวันที่ลงข่าว: 12/02/66\n\n"


def organiser_of(body: str, headline: str = HEADLINE) -> str | None:
    found = find_organiser(build_article("t", normalise_text(headline + body)))
    return found.value if found else None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "รัฐมนตรี เป็นประธานเปิดการประชุมวิชาการนานาชาติ ครั้งที่ 9 ที่จัดขึ้นโดยสมาคมนักวิจัยแห่งประเทศไทย "
            "ในพระบรมราชูปถัมภ์ ระหว่างวันที่ 23 - 25 พฤศจิกายน 2565",
            "สมาคมนักวิจัยแห่งประเทศไทย ในพระบรมราชูปถัมภ์",
        ),
        (
            "วันที่ 4 มีนาคม 2564 จังหวัดสมมติ โดยสำนักงานพัฒนาชุมชนจังหวัดสมมติ ประชุมเชิงปฏิบัติการจัดทำแผนชุมชน ที่โรงแรมสมมติ",
            "สำนักงานพัฒนาชุมชนจังหวัดสมมติ",
        ),
        (
            "วันนี้ (24 มีนาคม 2568) กระทรวงสาธารณสุข จัดประชุมวิชาการวัณโรคระดับชาติ ณ โรงแรมสมมติ",
            "กระทรวงสาธารณสุข",
        ),
        (
            "วันนี้ (7 กุมภาพันธ์ 2565) กองทุนการออมสมมติ (กอม.) ร่วมกับสภาวิชาชีพสมมติ ร่วมลงนามบันทึกข้อตกลง"
            "ความร่วมมือ ณ ห้องประชุมชั้น 3",
            "กองทุนการออมสมมติ",
        ),
        (
            "วันนี้ (24 เม.ย. 66) ปลัดกระทรวง เป็นประธานเปิดโครงการสัมมนาคนตาบอด โดยมี นายเอกชัย ทองดี "
            "นายกสมาคมคนตาบอดสมมติ กล่าวรายงาน",
            "สมาคมคนตาบอดสมมติ",
        ),
        (
            "เมื่อวันที่ 13 มิถุนายน 2568 กระทรวง พม. โดย ศูนย์เร่งรัดจัดการสวัสดิภาพประชาชน หรือ (ศรส.) "
            "ได้จัดโครงการประชุมเชิงปฏิบัติการ “สื่อสารสาธารณะ” ณ โรงแรมสมมติ",
            "ศูนย์เร่งรัดจัดการสวัสดิภาพประชาชน",
        ),
    ],
)
def test_organiser_patterns(body: str, expected: str) -> None:
    assert organiser_of(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "วันนี้ (3 ก.ค. 66) ตามที่สมาคมผู้ผลิตสมมติแห่งประเทศไทยจัดกิจกรรมรวมตัวหน้ากระทรวง",
            "สมาคมผู้ผลิตสมมติแห่งประเทศไทย",
        ),
        (
            "วันที่ 20 ตุลาคม 2566 กรมประมงให้การสนับสนุนและร่วมกับมหาวิทยาลัยสมมติ จัดการประชุมนานาชาติ",
            "กรมประมง",
        ),
        (
            "วันนี้ (1 ก.ย. 65) สำหรับการจัดงานในครั้งนี้จัดขึ้นโดยสำนักงานสมมติเพื่อเป็นเกียรติแก่หน่วยงานที่ผ่านการรับรอง",
            "สำนักงานสมมติ",
        ),
        # "จัดงานโดย Y" after a venue: Y organised it, not the place before the verb
        (
            "วันนี้ (1 ก.ย. 65) เปิดงานสัมมนา ณ โรงแรมสมมติ ศูนย์ราชการแจ้งวัฒนะ จัดงานโดยสำนักงานสมมติ ร่วมกับหน่วยงาน",
            "สำนักงานสมมติ",
        ),
        # "เพื่อ" + a noun stays inside the name
        (
            "วันนี้ (1 ก.ย. 65) งานนี้จัดขึ้นโดยธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร ณ ห้องประชุมสมมติ",
            "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร",
        ),
    ],
)
def test_words_glued_to_an_agency_are_cut(body: str, expected: str) -> None:
    assert organiser_of(body) == expected


def test_parent_ministry_only_qualifies_the_organiser() -> None:
    headline = "กรมการขนส่งสมมติ กระทรวงคมนาคม จัดประชุมคณะกรรมการจัดทำมาตรฐาน ครั้งที่ 4/2564\n\n"
    body = "นายกิตติ ปานทอง อธิบดีกรมการขนส่งสมมติ เป็นประธานการประชุม ณ ห้องประชุมชั้น 5"
    assert organiser_of(body, headline) == "กรมการขนส่งสมมติ"
    body = "วันนี้ (3 ก.ค. 66) กรมการแพทย์สมมติ กระทรวงสาธารณสุข จัดงานวันผู้สูงอายุ ณ ลานกิจกรรม"
    assert organiser_of(body) == "กรมการแพทย์สมมติ"


def test_state_enterprise_that_goes_on_to_organise() -> None:
    body = (
        "วันนี้ (23 สิงหาคม 2565) การท่าเรือสมมติ (กทส.) ร่วมกับ บริษัทโทรคมนาคมสมมติ จำกัด "
        "ร่วมลงนามบันทึกข้อตกลง ณ ห้องประชุมชั้น 2"
    )
    assert organiser_of(body) == "การท่าเรือสมมติ"


def test_acronym_expanded_from_an_in_text_definition() -> None:
    body = (
        "วันนี้ (28 ต.ค. 62) นายสมพร ดีใจ ปลัดกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ (ปลัด พม.) "
        "เป็นประธานเปิดงาน\nนายสมพร กล่าวว่า ในวันนี้ พม. จึงได้จัด “การประชุมสมัชชาเด็กและเยาวชน” ขึ้น"
    )
    assert organiser_of(body) == "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์"


def test_headline_unit_of_an_agency() -> None:
    headline = "กระทรวงยุติธรรม โดยสำนักงาน ป.ป.ส. จัดงานมหกรรมกองทุนแม่ของแผ่นดิน\n\n"
    body = (
        "วันที่ 4 เมษายน 2564 ประธานในงานมหกรรมกองทุนแม่ของแผ่นดิน ประจำปี 2563\n"
        "สำนักงานคณะกรรมการป้องกันและปราบปรามยาเสพติด ได้ดำเนินโครงการมาตั้งแต่ปี 2547"
    )
    assert organiser_of(body, headline) == "สำนักงานคณะกรรมการป้องกันและปราบปรามยาเสพติด"


@pytest.mark.parametrize(
    ("headline", "body", "expected"),
    [
        # the agency that teams up with partners in the headline hosts the signing
        (
            "กสร. จับมือกลุ่มธุรกิจสมมติ ลงนามความร่วมมือ ยกระดับการบริหารแรงงาน\n\n",
            "กรมสวัสดิการและคุ้มครองแรงงาน (กสร.) ลงนามบันทึกข้อตกลงความร่วมมือ ร่วมกับบริษัทสมมติ",
            "กรมสวัสดิการและคุ้มครองแรงงาน",
        ),
        # "กระทรวงเกษตรฯ" is the ministry the text names in full
        (
            "กระทรวงเกษตรฯ จับมือมูลนิธิสมมติ จัดอบรม “หลักสูตรสมมติ รุ่นที่ 6”\n\n",
            "วันนี้ (3 ก.พ. 68) กระทรวงเกษตรและสหกรณ์ แถลงข่าวการจัดอบรมหลักสูตรสมมติ ณ ห้องประชุมสมมติ",
            "กระทรวงเกษตรและสหกรณ์",
        ),
    ],
)
def test_headline_agency_that_teams_up(headline: str, body: str, expected: str) -> None:
    assert organiser_of(body, headline) == expected


def test_acronym_kept_when_the_full_name_is_not_written() -> None:
    headline = "สธ. จัดประชุมวิชาการโรคติดต่อ\n\n"
    body = "วันนี้ (3 มี.ค. 66) สธ. จัดประชุมวิชาการโรคติดต่อ ณ โรงแรมสมมติ"
    assert organiser_of(body, headline) == "สธ."


@pytest.mark.parametrize(
    "body",
    [
        # supported by, not organised by
        "วันนี้ (3 มี.ค. 66) นายสมชาย ใจดี เป็นประธานเปิดงานวันเด็ก ซึ่งได้รับการสนับสนุนโดยกรมสมมติ",
        # no agency said to organise anything
        "วันนี้ (5 พ.ย. 61) เวลา 13.00 น. อธิบดีกรมสมมติ เป็นประธานในพิธีเปิดการประชุมเชิงปฏิบัติการ",
        # "การจัดงาน" is the organising (a noun): the bank only supports it
        "วันที่ 5 พฤศจิกายน 2565 กรรมการผู้จัดการใหญ่ เปิดเผยว่า ธนาคารสนับสนุนการจัดงานประจำปีจังหวัดมาต่อเนื่อง",
        # an agency referred back to as "บริษัทฯ"
        "วันนี้ (9 ม.ค. 67) ผู้บริหารบริษัทสมมติ เข้าพบนายกรัฐมนตรี โดยบริษัทฯ จัดงานแสดงสินค้าทุกปี",
    ],
)
def test_no_organiser(body: str) -> None:
    assert organiser_of(body) is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the agency acts through its officer
        (
            "เมื่อวันที่ 2 ตุลาคม 2567 เวลา 13.00 น. สำนักงานสมมติแห่งชาติ (SMT) โดย รศ.ดร.สมชาย ใจดี "
            "โฆษกสำนักงาน แถลงเดินหน้าโครงการใหม่ ณ อาคารสมมติ",
            "สำนักงานสมมติแห่งชาติ",
        ),
        # a held event told in a later paragraph
        (
            "วันนี้ (28 ต.ค. 62) นายสมพร ดีใจ อธิบดีกรมสมมติ เป็นประธานในพิธีเปิดการประชุม\n"
            "นายสมพร กล่าวว่า ในวันนี้ กรมสมมติ จึงได้จัด “การประชุมเชิงปฏิบัติการเครือข่าย” ขึ้น",
            "กรมสมมติ",
        ),
        # an organiser named in Latin script after จัดโดย
        (
            "วันนี้ (24 มิ.ย. 68) ธนาคารสมมติ ร่วมบรรยายในหลักสูตรอบรมผู้บริหารธนาคารกลาง ซึ่งจัดโดย "
            "Yunus Center Asian Institute of Technology ณ โรงแรมสมมติ",
            "Yunus Center Asian Institute of Technology",
        ),
        # the press organises awards; a parliamentary committee keeps its whole name
        (
            "วันที่ 20 ก.ค. 65 กรรมการผู้จัดการธนาคารสมมติ รับรางวัลนักการเงินแห่งปี ในงานที่จัดโดยวารสารสมมติการเงิน "
            "ณ โรงแรมสมมติ",
            "วารสารสมมติการเงิน",
        ),
        (
            "วันนี้ (3 ก.พ. 66) รัฐมนตรี ร่วมเสวนาในเวทีที่จัดโดยคณะกรรมาธิการการพัฒนาการเมืองและการมีส่วนร่วม"
            "ของประชาชน ณ อาคารรัฐสภา",
            "คณะกรรมาธิการการพัฒนาการเมืองและการมีส่วนร่วมของประชาชน",
        ),
    ],
)
def test_more_organiser_patterns(body: str, expected: str) -> None:
    assert organiser_of(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # a planned activity in a later paragraph is another event
        "วันนี้ (21 ต.ค. 65) ที่ห้องสมมติ รัฐมนตรี มอบนโยบายแก่อาสาสมัคร\n"
        "รัฐมนตรี กล่าวว่า ในช่วงต้นปี 2566 กระทรวงสมมติจะจัดกิจกรรมมอบโล่แก่อาสาสมัครดีเด่น",
        # a side event
        "วันนี้ (20 พ.ค. 67) ผู้แทนไทย เข้าร่วมการประชุมคณะกรรมาธิการสมมติ ณ กรุงเวียนนา\n"
        "นอกจากนี้ สำนักงานอัยการสมมติ ได้จัดกิจกรรมคู่ขนาน ในหัวข้อ “การคุ้มครองพยาน”",
        # background "X โดย Y" in a later paragraph
        "วันนี้ (7 ม.ค. 65) เลขานุการรัฐมนตรี เป็นประธานการประชุมหารือ ณ วิทยาลัยสมมติ\n"
        "ซึ่งกระทรวงสมมติ โดยกรมพัฒนาสมมติมีความร่วมมือด้านการพัฒนาฝีมือแรงงานมาอย่างต่อเนื่อง",
        # a person after จัดโดย is no organising body
        "วันนี้ (5 ก.ย. 65) รัฐมนตรี ร่วมงานสัมมนาที่จัดโดย Mr. Masato Tanaka ผู้แทนบริษัทสมมติ ณ โรงแรมสมมติ",
    ],
)
def test_no_organiser_from_later_asides(body: str) -> None:
    assert organiser_of(body) is None


def test_minister_abbreviation_in_the_headline_is_no_organiser() -> None:
    headline = "รมว.สมมติ เปิดงานชุมนุมลูกเสือสัมพันธ์ ครั้งที่ 29\n\nวันที่ลงข่าว: 12/02/66\n\n"
    body = "นายสมชาย ใจดี รัฐมนตรี เป็นประธานเปิดงานชุมนุมลูกเสือสัมพันธ์ ครั้งที่ 29 ณ โรงเรียนสมมติ"
    assert organiser_of(body, headline) is None
