"""Thai dates, ranges, times and fiscal years, and the main event's date/span/time (invented releases)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.layout import build_article
from extract.normalise import normalise_text
from extract.thai_dates import (
    ABBR_MONTHS,
    ENGLISH_MONTHS,
    FULL_MONTHS,
    extract_event_dates,
    find_dates,
    find_fiscal_years,
    find_times,
    parse_thai_date,
)


def _ascii(s: str) -> str:
    return normalise_text(s).text


# --- parse_thai_date -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("28 ต.ค. 62", date(2019, 10, 28)),
        ("28 ต.ค 62", date(2019, 10, 28)),
        ("28 ตค. 62", date(2019, 10, 28)),
        ("28 ต. ค. 62", date(2019, 10, 28)),
        ("28ต.ค.62", date(2019, 10, 28)),
        ("18 มิ.ย.65", date(2022, 6, 18)),
        ("1 เม.ย. 2567", date(2024, 4, 1)),
        ("4 มีนาคม 2564", date(2021, 3, 4)),
        ("วันจันทร์ที่ 27 มีนาคม 2566", date(2023, 3, 27)),
        ("วันพฤหัสบดีที่ 30 กันยายน 2564", date(2021, 9, 30)),
        ("วันที่ 5 ธันวาคม พ.ศ. 2566", date(2023, 12, 5)),
        ("5 ธันวาคม พ.ศ.2566", date(2023, 12, 5)),
        ("1 มกราคม ค.ศ. 2024", date(2024, 1, 1)),
        ("15 สิงหาคม 2023", date(2023, 8, 15)),
        ("๑๔ กุมภาพันธ์ ๒๕๖๓", date(2020, 2, 14)),
        ("29 ก.พ. 2563", date(2020, 2, 29)),
        ("05/03/21", date(2021, 3, 5)),  # prd "วันที่ลงข่าว": a CE two-digit year
        ("วันที่ลงข่าว: 05/03/21", date(2021, 3, 5)),
        ("05/03/64", date(2021, 3, 5)),  # a BE two-digit year
        ("05/03/2564", date(2021, 3, 5)),
        ("5/3/2021", date(2021, 3, 5)),
        ("02/12/2566", date(2023, 12, 2)),
        ("October 22, 2024", date(2024, 10, 22)),
        ("20 October 2023", date(2023, 10, 20)),
        ("27 - 29 ตุลาคม 2562", date(2019, 10, 27)),  # a range gives its first day
        ("โครงการเปิดเมื่อวันที่ 3 ก.ค. 2565 ณ ศาลากลาง", date(2022, 7, 3)),
    ],
)
def test_parse_thai_date(written: str, expected: date) -> None:
    assert parse_thai_date(_ascii(written)) == expected


@pytest.mark.parametrize(
    "written",
    [
        "31 ก.พ. 2566",  # no such day
        "30 กุมภาพันธ์ 2563",
        "29 ก.พ. 2565",  # 2022 is no leap year
        "32 มกราคม 2566",
        "31 เมษายน 2566",
        "12 มีนาคม 9999",  # absurd years
        "12 มีนาคม 1200",
        "31/02/2566",
        "12 มีนาคม",  # no year, no reference
        "ประจำปี 2560",  # a year is not a date
        "ปีงบประมาณ พ.ศ. 2563",
        "แผนพัฒนา ฉบับที่ 3 พ.ศ. 2560 – 2564",
        "ครั้งที่ 1/2566",
        "ครั้งที่ 1/66",
        "เวลา 10.30 น.",
        "เนื้อที่ 10-0-00 ไร่",
        "จำนวน 16 คน",
        "ร้อยละ 3.10 ต่อปี",
        "",
    ],
)
def test_parse_thai_date_rejects(written: str) -> None:
    assert parse_thai_date(_ascii(written)) is None


# --- find_dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "reference", "start", "end", "cue"),
    [
        ("27 - 29 ตุลาคม 2562", None, date(2019, 10, 27), date(2019, 10, 29), ""),
        ("ระหว่างวันที่ 27-29 ต.ค. 62", None, date(2019, 10, 27), date(2019, 10, 29), "between"),
        ("ระหว่างวันที่ 16 – 18 ธันวาคม 2563", None, date(2020, 12, 16), date(2020, 12, 18), "between"),
        ("30 ก.ย. – 2 ต.ค. 63", None, date(2020, 9, 30), date(2020, 10, 2), ""),
        ("วันที่ 30 กันยายน - 2 ตุลาคม 2563", None, date(2020, 9, 30), date(2020, 10, 2), ""),
        ("28 ธ.ค. 2566 - 3 ม.ค. 2567", None, date(2023, 12, 28), date(2024, 1, 3), ""),
        ("28 ธ.ค. - 3 ม.ค. 2567", None, date(2023, 12, 28), date(2024, 1, 3), ""),
        ("ตั้งแต่วันที่ 1 ถึงวันที่ 3 พฤศจิกายน 2565", None, date(2022, 11, 1), date(2022, 11, 3), "since"),
        ("ในวันที่ 3 - 4 ธันวาคม 2566", None, date(2023, 12, 3), date(2023, 12, 4), "on"),
        ("3-4 ธ.ค. นี้", date(2023, 11, 30), date(2023, 12, 3), date(2023, 12, 4), ""),
        ("เมื่อวันที่ 5 กันยายนที่ผ่านมา", date(2022, 9, 7), date(2022, 9, 5), date(2022, 9, 5), "when"),
        ("เมื่อวันที่ 28 ธ.ค.", date(2024, 1, 2), date(2023, 12, 28), date(2023, 12, 28), "when"),
        ("วันนี้ (28 ต.ค. 62)", None, date(2019, 10, 28), date(2019, 10, 28), "today"),
        ("วันนี้ (วันจันทร์ที่ 24 มีนาคม 2568)", None, date(2025, 3, 24), date(2025, 3, 24), "today"),
        ("เมื่อวานนี้ (27 ต.ค. 62)", None, date(2019, 10, 27), date(2019, 10, 27), "today"),
        ("เมื่อวันอาทิตย์ที่ 4 เมษายน 2564", None, date(2021, 4, 4), date(2021, 4, 4), "when"),
        ("ภายในวันที่ 31 มีนาคม 2566", None, date(2023, 3, 31), date(2023, 3, 31), "until"),
        ("ได้จนถึงวันที่ 31 มีนาคม 2566", None, date(2023, 3, 31), date(2023, 3, 31), "until"),
        ("ปริมาณน้ำ ณ วันที่ 1 พ.ย. 66", None, date(2023, 11, 1), date(2023, 11, 1), "as_of"),
        ("เมื่อวันที่ 1 ธันวาคม 2566 เป็นต้นมา", None, date(2023, 12, 1), date(2023, 12, 1), "since"),
        ("ประมาณวันที่ 1 พ.ย. 66", None, date(2023, 11, 1), date(2023, 11, 1), ""),
        ("กำหนดให้วันที่ 24 มีนาคม ของทุกปี", date(2025, 3, 24), date(2025, 3, 24), date(2025, 3, 24), "yearly"),
        ("ในวันพรุ่งนี้ (12 กุมภาพันธ์ 2566)", None, date(2023, 2, 12), date(2023, 2, 12), "today"),
        ("กล่าวว่า (วันนี้ 27 มี.ค. 68) นายสมมติ", None, date(2025, 3, 27), date(2025, 3, 27), "today"),
        ("วันนี้ 15 กรกฎาคม 2564 นายสมมติ", None, date(2021, 7, 15), date(2021, 7, 15), "today"),
        ("ส่ง ฮ. ตั้งแต่เมื่อวาน (27 มกราคม 2568)", None, date(2025, 1, 27), date(2025, 1, 27), "since"),
        ("สมัครได้ตั้งแต่วันนี้ จนถึงวันที่ 15 มิถุนายน 2568", None, date(2025, 6, 15), date(2025, 6, 15), "until"),
        ("วันนี้ (27 เม.ย.68) เวลา 09.00 น.", None, date(2025, 4, 27), date(2025, 4, 27), "today"),
        ("วันนี้ (15 กรกฏาคม 2564)", None, date(2021, 7, 15), date(2021, 7, 15), "today"),
        ("เมื่อวันที่ 22 พฤสจิกายน 2565", None, date(2022, 11, 22), date(2022, 11, 22), "when"),
        ("ระหว่างวันที่ 3 - วันศุกร์ ที่ 5 เมษายน 2565", None, date(2022, 4, 3), date(2022, 4, 5), "between"),
        ("ตามมติคณะรัฐมนตรีเมื่อวันที่ 15 กุมภาพันธ์ 2565", None, date(2022, 2, 15), date(2022, 2, 15), "resolution"),
        (
            "ครม. กำหนดให้วันที่ 31 กรกฎาคม 2566 เป็นวันหยุดราชการ",
            None,
            date(2023, 7, 31),
            date(2023, 7, 31),
            "named",
        ),
        ("วันที่ 24 ส.ค. 2565 ถือเป็นวันครบรอบ 1 ปี", None, date(2022, 8, 24), date(2022, 8, 24), "named"),
        (
            "เมื่อวันที่ 31 ตุลาคม 2565 เป็นวันสุดท้ายของการลงทะเบียน",
            None,
            date(2022, 10, 31),
            date(2022, 10, 31),
            "when",
        ),
    ],
)
def test_find_dates_ranges_and_cues(
    written: str, reference: date | None, start: date, end: date, cue: str
) -> None:
    [mention] = find_dates(_ascii(written), reference)
    assert (mention.start, mention.end, mention.cue) == (start, end, cue)


def test_year_less_date_takes_the_year_of_the_texts_first_dated_mention() -> None:
    text = _ascii("ระหว่างวันที่ 5-9 กันยายน 2565 ว่า ในการประชุมเมื่อวันที่ 5 กันยายนที่ผ่านมา")
    assert [m.start for m in find_dates(text)] == [date(2022, 9, 5), date(2022, 9, 5)]


def test_mention_span_covers_the_cue() -> None:
    text = _ascii("ข่าว\nวันนี้ (28 ต.ค. 62) เวลา 10.30 น. นางสมใจ")
    [mention] = find_dates(text)
    assert text[mention.span[0] : mention.span[1]].startswith("วันนี้ (28 ต.ค. 62")


@pytest.mark.parametrize(
    ("written", "strong"),
    [
        ("วันที่ 4 มีนาคม 2564 จังหวัดลำพูน จัดประชุม", True),
        ("ผู้ว่าฯ เปิดงาน เมื่อวันที่ 4 มีนาคม 2564 ณ ศาลากลาง", True),
        ("นายกฯ เปิดงาน (4 มีนาคม 2564) ณ ทำเนียบรัฐบาล", True),
        ("กรุงเทพฯ 20 พฤศจิกายน 2567 - นางสาวสมศรี มีสุข อธิบดี", True),
        ("ศูนย์ราชการเฉลิมพระเกียรติ 80 พรรษา 5 ธันวาคม 2550 ได้รับรางวัล", False),
        ("เนื่องในโอกาสวันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว 28 กรกฎาคม 2565", False),
    ],
)
def test_dateline_strength(written: str, strong: bool) -> None:
    [mention] = find_dates(_ascii(written))
    assert mention.strong is strong


@pytest.mark.parametrize(
    "written",
    ["ประจำปี 2560", "ปี 2563 - 2565", "ครั้งที่ 1/66", "งวดที่ 245 หมวด Q", "10.30 น.", "โทร. 02-123-4567"],
)
def test_find_dates_ignores_non_dates(written: str) -> None:
    assert find_dates(_ascii(written)) == []


# --- times and fiscal years ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("เวลา 10.30 น.", "10:30"),
        ("เวลา 09.00-12.00 น.", "09:00"),
        ("10:30 น.", "10:30"),
        ("เวลา 13.00 น. (ตามเวลาท้องถิ่นกรุงโตเกียว)", "13:00"),
        ("เวลาประมาณ 14.00 น.", "14:00"),
        ("ตั้งแต่เวลา 8.30 – 16.30 น.", "08:30"),
        ("เวลา 18.00น. ณ ลานพระราชวัง", "18:00"),
        ("เวลา ๐๙.๓๐ น.", "09:30"),
        ("เวลา 10.00 นาฬิกา", "10:00"),
        ("at 1200hrs, at the Command Building", "12:00"),
        ("at 19.27hrs", "19:27"),
        ("เวลา 0930 ณ ศาลาว่าการกลาโหม", "09:30"),
        ("วันอังคารที่ 1 ธ.ค.63 เวลา1030 ณ ศาลาว่าการ", "10:30"),
        ("เวลา 1400 น. พลเอก สมมติ", "14:00"),
    ],
)
def test_find_times(written: str, expected: str) -> None:
    assert find_times(_ascii(written))[0].value == expected


@pytest.mark.parametrize(
    "written",
    [
        "ร้อยละ 10.50",
        "ดอกเบี้ย 3.10% ต่อปี",
        "เวลา 25.00 น.",
        "พื้นที่ 10.50 ไร่",
        "ราคา 12.75 บาท",
        "จำนวน 1500 น.ส.สมศรี",  # a count before a name
        "ระยะเวลา 2566",
    ],
)
def test_find_times_rejects(written: str) -> None:
    assert find_times(_ascii(written)) == []


@pytest.mark.parametrize(
    ("written", "year"),
    [
        ("ประจำปีงบประมาณ 2563", 2020),
        ("ปีงบประมาณ พ.ศ. 2563", 2020),
        ("ปีงบประมาณ พ.ศ.2568", 2025),
        ("ปีงบฯ 63", 2020),
    ],
)
def test_find_fiscal_years(written: str, year: int) -> None:
    assert [f.value for f in find_fiscal_years(_ascii(written))] == [year]


def test_ordinary_year_is_no_fiscal_year() -> None:
    assert find_fiscal_years(_ascii("แผนปฏิบัติการประจำปี 2560")) == []


# --- extract_event_dates -------------------------------------------------------------------

_THAIGOV_HEADER = "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-{title}\n\n\n{dateline}\nพิมพ์\n{title}\n{title}\n"


def _release(body: str, title: str = "พม. เปิดงานสมมติ", dateline: str = "วันจันทร์ที่ 27 มีนาคม 2566"):
    text = _THAIGOV_HEADER.format(title=title, dateline=dateline) + body
    return build_article("t", normalise_text(text))


def _facts(article) -> tuple[date | None, date | None, date | None, str | None]:
    d = extract_event_dates(article)
    value = lambda f: f.value if f else None  # noqa: E731
    return value(d.date), value(d.start), value(d.end), value(d.time)


EVENT_CASES = [
    pytest.param(
        "วันนี้ (28 ต.ค. 62) เวลา 10.30 น. นางสมใจ ใจดี อธิบดีกรมสมมติ เป็นประธานในพิธีเปิด “การประชุมเชิงปฏิบัติการ"
        "ขับเคลื่อนแผนงาน” ณ ห้องแกรนด์บอลรูม โรงแรมสมมติพาเลซ กรุงเทพมหานคร จำนวน 600 คน\n"
        "นางสมใจ กล่าวว่า การประชุมจัดขึ้นระหว่างวันที่ 27 - 29 ตุลาคม 2562 เพื่อชี้แจงแผนงาน",
        "วันจันทร์ที่ 28 ตุลาคม 2562",
        (date(2019, 10, 28), date(2019, 10, 27), date(2019, 10, 29), "10:30"),
        id="today-with-programme-range-later",
    ),
    pytest.param(
        "กรมสมมติ จัดประชุมวิชาการระดับชาติ ยกระดับบริการสุขภาพ ตั้งเป้าปี 2578 ลดอัตราป่วยร้อยละ 50\n"
        "วันนี้ (14 สิงหาคม 2568) ที่ศูนย์ประชุมสมมติ จ.นนทบุรี นพ.สมปอง ใจกว้าง ปลัดกระทรวง เปิดงานสัมมนา "
        "ซึ่งจัดขึ้นระหว่างวันที่ 14-15 สิงหาคม 2568 มีผู้เข้าร่วม 1,500 คน",
        "วันพฤหัสบดีที่ 14 สิงหาคม 2568",
        (date(2025, 8, 14), date(2025, 8, 14), date(2025, 8, 15), None),
        id="summary-paragraph-then-dateline",
    ),
    pytest.param(
        "วันที่ 14 มิถุนายน 2568 นายสมมติ ทดสอบ ปลัดกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ (ปลัด พม.) "
        "เปิดเผยว่า เมื่อวันที่ 13 มิถุนายน 2568 กระทรวง พม. ได้จัดประชุมเชิงปฏิบัติการ ณ โรงแรมสมมติ",
        "วันจันทร์ที่ 16 มิถุนายน 2568",
        (date(2025, 6, 13), date(2025, 6, 13), date(2025, 6, 13), None),
        id="telling-date-yields-to-reported-activity",
    ),
    pytest.param(
        "วันที่ 30 พฤศจิกายน 2566 นายสมมติ โฆษกประจำสำนักนายกรัฐมนตรี เผยว่า นายกรัฐมนตรี "
        "เตรียมลงพื้นที่จังหวัดสมมติ ในวันที่ 3 - 4 ธันวาคม 2566 โดยมีกำหนดการ ดังนี้\n"
        "วันอาทิตย์ที่ 3 ธันวาคม พ.ศ. 2566 เวลาประมาณ 14.00 น. นายกรัฐมนตรีตรวจติดตามงาน\n"
        "วันจันทร์ที่ 4 ธันวาคม พ.ศ. 2566 เวลา 09.00 น. ประชุมคณะรัฐมนตรี",
        "วันพฤหัสบดีที่ 30 พฤศจิกายน 2566",
        (date(2023, 12, 3), date(2023, 12, 3), date(2023, 12, 4), "14:00"),
        id="announced-visit-with-schedule-time",
    ),
    pytest.param(
        "วันนี้ (18 เม.ย. 67) นายสมมติ โฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า ที่ประชุมคณะรัฐมนตรีมีมติ"
        "ปรับปรุงถ้อยคำตามมติคณะรัฐมนตรีเมื่อวันที่ 16 มกราคม 2550 ให้ชัดเจนยิ่งขึ้น",
        "วันพฤหัสบดีที่ 18 เมษายน 2567",
        (date(2024, 4, 18), date(2024, 4, 18), date(2024, 4, 18), None),
        id="historic-resolution-is-background",
    ),
    pytest.param(
        "วันที่ 1 มกราคม 2567 นายสมมติ ปลัดกระทรวง เปิดเผยถึงการลงทะเบียนแก้หนี้ ซึ่งเป็นวันที่ 32 "
        "นับตั้งแต่เปิดลงทะเบียนเมื่อวันที่ 1 ธันวาคม 2566 เป็นต้นมา มีผู้ลงทะเบียนแล้ว 100,000 ราย",
        "วันจันทร์ที่ 1 มกราคม 2567",
        (date(2024, 1, 1), date(2024, 1, 1), date(2024, 1, 1), None),
        id="period-start-is-not-the-reported-activity",
    ),
    pytest.param(
        "วันนี้ (2 ตุลาคม 2566) นายสมมติ โฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า รัฐบาลชื่นชมนักกีฬาไทย "
        "ในการแข่งขันกีฬาสมมติเกมส์ ระหว่างวันที่ 23 กันยายน - 8 ตุลาคม 2566",
        "วันจันทร์ที่ 2 ตุลาคม 2566",
        (date(2023, 10, 2), date(2023, 9, 23), date(2023, 10, 8), None),
        id="range-around-the-telling-keeps-the-day",
    ),
    pytest.param(
        "วันที่ 2 ธันวาคม 2566 นายสมมติ รองนายกรัฐมนตรี เป็นประธานเปิดงานมหกรรมสมมติ\n"
        "งานมหกรรมนี้เริ่มขึ้นครั้งแรกเมื่อวันที่ 10 กุมภาพันธ์ 2523 ระหว่างวันที่ 10 - 12 กุมภาพันธ์ 2523",
        "วันเสาร์ที่ 2 ธันวาคม 2566",
        (date(2023, 12, 2), date(2023, 12, 2), date(2023, 12, 2), None),
        id="later-background-date-ignored",
    ),
    pytest.param(
        "วันนี้ นายสมมติ ผู้ว่าราชการจังหวัดสมมติ ลงพื้นที่ตรวจเยี่ยมผู้ประสบอุทกภัย ณ อำเภอเมือง",
        "วันอังคารที่ 7 สิงหาคม 2567",
        (date(2024, 8, 7), date(2024, 8, 7), date(2024, 8, 7), None),
        id="bare-today-is-publication-day",
    ),
    pytest.param(
        "เมื่อวานนี้ นายสมมติ อธิบดี เป็นประธานการประชุมคณะกรรมการ ณ กรมสมมติ",
        "วันอังคารที่ 7 สิงหาคม 2567",
        (date(2024, 8, 6), date(2024, 8, 6), date(2024, 8, 6), None),
        id="bare-yesterday",
    ),
    pytest.param(
        "ดร.สมมติ รัฐมนตรีว่าการกระทรวงสมมติ เป็นประธานเปิดการประชุมวิชาการนานาชาติ ครั้งที่ 45 "
        "ระหว่างวันที่ 23 - 25 พฤศจิกายน 2565 ณ ศูนย์ประชุมสมมติ",
        "วันพุธที่ 23 พฤศจิกายน 2565",
        (date(2022, 11, 23), date(2022, 11, 23), date(2022, 11, 25), None),
        id="range-as-dateline",
    ),
    pytest.param(
        "ดร.สมมติ รัฐมนตรีช่วยว่าการ กล่าวระหว่างการประชุม ณ เมืองสมมติ ว่า ในการประชุม"
        "เมื่อวันที่ 5 กันยายนที่ผ่านมา ที่ประชุมเห็นชอบรายงานประจำปี",
        "วันพุธที่ 7 กันยายน 2565",
        (date(2022, 9, 5), date(2022, 9, 5), date(2022, 9, 5), None),
        id="year-less-date-near-publication",
    ),
    pytest.param(
        "วันนี้ (18 มิ.ย.65) นายสมมติ โฆษก เผยการจำหน่ายสลากดิจิทัล ตั้งแต่ 06.00 น. ของวันที่ 17 มิถุนายน 2565 "
        "เป็นไปด้วยความราบรื่น",
        "วันเสาร์ที่ 18 มิถุนายน 2565",
        (date(2022, 6, 18), date(2022, 6, 18), date(2022, 6, 18), None),
        id="time-of-another-day-skipped",
    ),
    pytest.param(
        "วันที่ 16 มิถุนายน 2566 นายสมมติ รัฐมนตรี มอบหมาย ดร.ทดสอบ เปิดงานนัดพบแรงงาน\n"
        "ดร.ทดสอบ เปิดเผยว่า งานนี้จัดขึ้นระหว่างวันที่ 16 - 17 มิถุนายน 2566 ตั้งแต่เวลา 10.00 - 17.00 น. "
        "และจะจัดที่จังหวัดอื่นระหว่างวันที่ 23 - 24 มิถุนายน 2566",
        "วันศุกร์ที่ 16 มิถุนายน 2566",
        (date(2023, 6, 16), date(2023, 6, 16), date(2023, 6, 17), "10:00"),
        id="time-with-the-programme-range",
    ),
    pytest.param(
        "วันที่ 22 พฤษภาคม 2567 นายสมมติ รองโฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า ประเทศไทยเข้าสู่ฤดูฝนแล้ว\n"
        "กรมอุตุนิยมวิทยาคาดว่าช่วง 20-26 พ.ค. จะมีฝนตกหนักบางแห่ง",
        "วันพุธที่ 22 พฤษภาคม 2567",
        (date(2024, 5, 22), date(2024, 5, 22), date(2024, 5, 22), None),
        id="bare-range-elsewhere-is-no-programme",
    ),
    pytest.param(
        "เมื่อวันอาทิตย์ที่ ๔ เมษายน ๒๕๖๔ เวลา ๑๔.๐๐ น. ผู้แทนพระองค์ เสด็จเป็นประธานในงานมหกรรมสมมติ",
        "วันจันทร์ที่ 5 เมษายน 2564",
        (date(2021, 4, 4), date(2021, 4, 4), date(2021, 4, 4), "14:00"),
        id="thai-digits",
    ),
    pytest.param(
        "(5 ตุลาคม 2564) หลังการประชุมคณะรัฐมนตรี นายสมมติ และ ดร.ทดสอบ ร่วมลงนามบันทึกข้อตกลง",
        "วันพุธที่ 6 ตุลาคม 2564",
        (date(2021, 10, 5), date(2021, 10, 5), date(2021, 10, 5), None),
        id="bracketed-date-opening",
    ),
    pytest.param(
        "3 กุมภาพันธ์ 2566 ณ ห้องประชุมสมมติ ชั้น 3 โรงแรมสมมติ จังหวัดชลบุรี / ดร.สมมติ เป็นประธาน",
        "วันจันทร์ที่ 27 กุมภาพันธ์ 2566",
        (date(2023, 2, 3), date(2023, 2, 3), date(2023, 2, 3), None),
        id="bare-date-opening",
    ),
    pytest.param(
        "วันนี้ (25 เมษายน 2665) เวลา 12.15 น. ณ มูลนิธิสมมติ นายกรัฐมนตรี ไหว้สักการะสิ่งศักดิ์สิทธิ์",
        "วันจันทร์ที่ 25 เมษายน 2565",
        (date(2022, 4, 25), date(2022, 4, 25), date(2022, 4, 25), "12:15"),
        id="typo-year-in-today",
    ),
    pytest.param(
        "เมื่อวันที่ 17 มกราคม 2564 กรมสมมติ จัดพิธีรับพระราชทานบัตรพรปีใหม่ ประจำปีพุทธศักราช 2565",
        "วันจันทร์ที่ 17 มกราคม 2565",
        (date(2022, 1, 17), date(2022, 1, 17), date(2022, 1, 17), None),
        id="typo-year-in-when-dateline",
    ),
    pytest.param(
        "อว. จัดพิธีถวายพระพรชัยมงคล เนื่องในโอกาสวันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว 28 กรกฎาคม 2565\n"
        "เมื่อวันที่ 27 กรกฎาคม 2565 เวลา 08.00 น. กระทรวงสมมติ จัดพิธีถวายพระพรชัยมงคล",
        "วันพฤหัสบดีที่ 28 กรกฎาคม 2565",
        (date(2022, 7, 27), date(2022, 7, 27), date(2022, 7, 27), "08:00"),
        id="occasion-date-is-not-the-dateline",
    ),
    pytest.param(
        "กรุงเทพฯ 20 พฤศจิกายน 2567 - นางสาวสมศรี มีสุข อธิบดีกรมสมมติ เป็นประธานการประชุมคณะกรรมการ",
        "วันพุธที่ 20 พฤศจิกายน 2567",
        (date(2024, 11, 20), date(2024, 11, 20), date(2024, 11, 20), None),
        id="city-dateline",
    ),
    pytest.param(
        "ทั้งนี้ ในวันศุกร์ ที่ 1 เมษายน 2565 เวลา 10.00 น. พลเอก สมมติ ใจกล้า ปลัดกระทรวง เป็นประธานในพิธี",
        "วันศุกร์ที่ 1 เมษายน 2565",
        (date(2022, 4, 1), date(2022, 4, 1), date(2022, 4, 1), "10:00"),
        id="weekday-dateline-with-space-after-a-connective",
    ),
    pytest.param(
        "นายสมมติ ใจดี รองปลัดกระทรวง เป็นประธานเปิดกิจกรรมรณรงค์ลดอุบัติเหตุ “สงกรานต์ปลอดภัย”\n"
        "จัดโดย บริษัท สมมติขนส่ง จำกัด และภาคีเครือข่าย ณ สถานีขนส่งสมมติ ในวันที่ 8 เมษายน 2564",
        "วันศุกร์ที่ 9 เมษายน 2564",
        (date(2021, 4, 8), date(2021, 4, 8), date(2021, 4, 8), None),
        id="sentence-broken-over-lines-keeps-its-date",
    ),
    pytest.param(
        "วันนี้ (11 ก.พ.66) นายสมมติ ใจดี รัฐมนตรีประจำสำนักนายกรัฐมนตรี เปิดเผยว่า นายกรัฐมนตรี "
        "มอบหมายให้ตนลงพื้นที่ตรวจราชการ จ.สมมติ ในวันพรุ่งนี้ (12 กุมภาพันธ์ 2566) เพื่อรับฟังปัญหา",
        "วันเสาร์ที่ 11 กุมภาพันธ์ 2566",
        (date(2023, 2, 12), date(2023, 2, 12), date(2023, 2, 12), None),
        id="tomorrow-in-the-telling-is-the-reported-activity",
    ),
    pytest.param(
        "วันที่ 28 มกราคม 2568 ดร.สมมติ รัฐมนตรีว่าการ เปิดเผยว่า ได้สั่งการให้ส่งเฮลิคอปเตอร์ดับไฟป่า "
        "ตั้งแต่เมื่อวาน (27 มกราคม 2568) และลงพื้นที่ติดตามในวันนี้",
        "วันอังคารที่ 28 มกราคม 2568",
        (date(2025, 1, 28), date(2025, 1, 28), date(2025, 1, 28), None),
        id="since-yesterday-is-no-reported-day",
    ),
    pytest.param(
        "วันนี้ (1 สิงหาคม 2568) เวลา 17.00 น. นายสมมติ ใจดี โฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า "
        "ขอเชิญชวนประชาชนรับชมการถ่ายทอดสดการแถลงข่าวของศูนย์สมมติ ในวันนี้ เวลา 18.01 น. ณ กองบินสมมติ",
        "วันศุกร์ที่ 1 สิงหาคม 2568",
        (date(2025, 8, 1), date(2025, 8, 1), date(2025, 8, 1), "18:01"),
        id="time-told-for-today-is-the-announced-activitys",
    ),
    pytest.param(
        "บริษัท สมมติพัฒนา จำกัด จัดสัมมนาแลกเปลี่ยนความรู้ด้านการบริหารทุนมนุษย์\n"
        "นางสาวสมใจ มีสุข กรรมการผู้จัดการ กล่าวว่า “การสัมมนาในวันนี้เป็นจุดเริ่มต้นของเครือข่าย”",
        "วันจันทร์ที่ 31 ตุลาคม 2565",
        (date(2022, 10, 31), date(2022, 10, 31), date(2022, 10, 31), None),
        id="in-today-in-an-undated-release-is-publication-day",
    ),
    pytest.param(
        "วันนี้ (17 พฤษภาคม 2565) นายสมมติ ใจดี โฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า เวลา 15.30 น. "
        "ณ สถานเอกอัครราชทูตสมมติ นายกรัฐมนตรีลงนามในสมุดแสดงความเสียใจ กรณีประธานาธิบดีสมมติ "
        "ถึงแก่อสัญกรรม เมื่อวันที่ 13 พฤษภาคม 2565",
        "วันอังคารที่ 17 พฤษภาคม 2565",
        (date(2022, 5, 17), date(2022, 5, 17), date(2022, 5, 17), "15:30"),
        id="told-part-opening-with-a-time-is-todays-activity",
    ),
    pytest.param(
        "วันนี้ (17 มกราคม 2568) เวลา 09.30 น. ณ สนามหญ้า ทำเนียบรัฐบาล นายสมมติ ใจดี โฆษก เปิดเผยว่า "
        "ผู้ว่าการสมมติ นำคณะเชิดสิงโต ประชาสัมพันธ์งานตรุษจีน ซึ่งจัดขึ้นระหว่างวันที่ 19 มกราคม - "
        "9 กุมภาพันธ์ 2568",
        "วันศุกร์ที่ 17 มกราคม 2568",
        (date(2025, 1, 17), date(2025, 1, 17), date(2025, 1, 17), "09:30"),
        id="telling-at-a-place-is-itself-the-activity",
    ),
    pytest.param(
        "วันนี้ (17 ธันวาคม 2566) เวลา 16.00 น.ณ โรงแรมสมมติ กรุงโตเกียว นายสมมติ ใจดี นายกรัฐมนตรี "
        "ให้สัมภาษณ์ โดยนายทดสอบ โฆษก เปิดเผยว่า เมื่อวันที่ 16 ธันวาคม 2566 นายกรัฐมนตรีได้หารือกับผู้นำสมมติ",
        "วันอาทิตย์ที่ 17 ธันวาคม 2566",
        (date(2023, 12, 17), date(2023, 12, 17), date(2023, 12, 17), "16:00"),
        id="place-glued-to-the-time-still-makes-the-telling-an-activity",
    ),
    pytest.param(
        "8 พฤษภาคม 2567 ดร.ณัฐพล สมมติ ปลัดกระทรวงสมมติ เปิดเผยว่า เมื่อวันที่ 6 พฤษภาคม 2567 "
        "ตนได้ลงนามคำสั่งจัดตั้งศูนย์บริหารภาวะฉุกเฉิน",
        "วันพุธที่ 8 พฤษภาคม 2567",
        (date(2024, 5, 6), date(2024, 5, 6), date(2024, 5, 6), None),
        id="name-starting-with-no-is-no-place",
    ),
    pytest.param(
        "ภายหลังจากที่คณะรัฐมนตรีได้มีมติ เมื่อวันที่ 19 ตุลาคม 2564 รับทราบผลการศึกษา นั้น "
        "ในวันพฤหัสบดีที่ 28 ตุลาคม 2564 เวลา 09.00 น. นายสมมติ ใจดี ปลัดกระทรวง เป็นประธานการประชุม",
        "วันพฤหัสบดีที่ 28 ตุลาคม 2564",
        (date(2021, 10, 28), date(2021, 10, 28), date(2021, 10, 28), "09:00"),
        id="resolution-date-is-background",
    ),
    pytest.param(
        "กระทรวงสมมติ จัดประชุมคณะกรรมการสมมติ ครั้งที่ 1/2565\nวันจันทร์ที่ 14 กุมภาพันธ์ 2565\n"
        "เวลา 10.00 น. - 12.00 น. ณ ห้องประชุมสมมติ",
        "วันจันทร์ที่ 14 กุมภาพันธ์ 2565",
        (date(2022, 2, 14), date(2022, 2, 14), date(2022, 2, 14), "10:00"),
        id="time-on-the-line-after-the-dateline",
    ),
    pytest.param(
        "ปมท. แถลงข่าวการแสดงโขนพระราชทาน ชมฟรี 14-15 กุมภาพันธ์ 66 เวลา 19.00 น. ณ ศาลากลางจังหวัดสมมติ\n"
        "เมื่อวันที่ 2 ก.พ. 66 เวลา 17.00 น. ที่ลานพระราชวังสมมติ นายสมมติ ใจดี ปลัดกระทรวง แถลงข่าว",
        "วันศุกร์ที่ 3 กุมภาพันธ์ 2566",
        (date(2023, 2, 2), date(2023, 2, 2), date(2023, 2, 2), "17:00"),
        id="press-conference-beats-the-programme-closing-a-summary",
    ),
    pytest.param(
        "กระทรวงสมมติ ร่วมงานสมโภช 11 - 15 ก.ค.นี้\n"
        "น.ส.สมศรี ใจงาม โฆษกกระทรวง เปิดเผยว่า วันนี้ (9 ก.ค. 67) เวลา 10.00 น. นายสมมติ เป็นประธานพิธีบวงสรวง\n"
        "ทั้งนี้ เมื่อวันที่ 1 ก.ค. 67 ที่ผ่านมา กระทรวงได้ประชุมเตรียมงาน",
        "วันอังคารที่ 9 กรกฎาคม 2567",
        (date(2024, 7, 9), date(2024, 7, 9), date(2024, 7, 9), "10:00"),
        id="today-after-the-speaker-is-no-closing-date",
    ),
    pytest.param(
        "น.ส.สมศรี ใจงาม โฆษกกระทรวงสมมติ กล่าวว่า (วันนี้ 27 มี.ค. 68) นายสมมติ รัฐมนตรีว่าการ "
        "เป็นประธานการประชุมบูรณาการงานกลุ่มจังหวัด",
        "วันพฤหัสบดีที่ 27 มีนาคม 2568",
        (date(2025, 3, 27), date(2025, 3, 27), date(2025, 3, 27), None),
        id="today-inside-the-bracket",
    ),
    pytest.param(
        "October 22, 2024, at 1200hrs, at the Command Building, Government House, the Prime Minister "
        "disclosed that the case is being investigated.",
        "วันอังคารที่ 22 ตุลาคม 2567",
        (date(2024, 10, 22), date(2024, 10, 22), date(2024, 10, 22), "12:00"),
        id="english-dateline",
    ),
    pytest.param(
        "วันนี้ (3 ตุลาคม 2567) ที่กระทรวงสมมติ นพ.สมชาย ใจเย็น ผู้ตรวจราชการกระทรวงสมมติ เป็นประธานการประชุม"
        "ติดตามสถานการณ์อุทกภัย และให้เฝ้าระวังน้ำล้นตลิ่งจากแม่น้ำสมมติ ตั้งแต่วันที่ 2-9 ตุลาคม 2567",
        "วันพฤหัสบดีที่ 3 ตุลาคม 2567",
        (date(2024, 10, 3), date(2024, 10, 3), date(2024, 10, 3), None),
        id="a-watch-period-is-no-programme",
    ),
    pytest.param(
        "วันที่ 11 เมษายน 2567 เวลา 09.00 น. นายสมมติ ทดสอบ รัฐมนตรีช่วยว่าการ ลงพื้นที่ติดตามการปฏิบัติการฝนหลวง "
        "ณ หน่วยปฏิบัติการสมมติ โดยเพิ่มเครื่องบินเป็น 8 ลำ มีเป้าหมายบินรวม 100 เที่ยวบิน ในช่วงวันที่ 10-20 เมษายน 2567",
        "วันพฤหัสบดีที่ 11 เมษายน 2567",
        (date(2024, 4, 11), date(2024, 4, 11), date(2024, 4, 11), "09:00"),
        id="an-operations-period-is-no-programme",
    ),
    pytest.param(
        "วันนี้ (8 กันยายน 2565) นางสมใจ ใจดี อธิบดีกรมสมมติ เปิดงานมหกรรมแก้หนี้ ณ ศูนย์ประชุมสมมติ\n"
        "นางสมใจ กล่าวว่า กรมสมมติกำหนดจัดงาน 4 วัน ตั้งแต่วันที่ 8-11 กันยายน 2565 ให้ประชาชนเข้าร่วมได้ฟรี",
        "วันพฤหัสบดีที่ 8 กันยายน 2565",
        (date(2022, 9, 8), date(2022, 9, 8), date(2022, 9, 11), None),
        id="a-range-of-holding-without-between",
    ),
    pytest.param(
        "วันนี้ (25 กรกฎาคม 2567) นายสมมติ ทดสอบ ปลัดกระทรวงสมมติ เยี่ยมชมงานแสดงสินค้าชุมชน\n"
        "นายสมมติ กล่าวว่า งานแสดงสินค้าครั้งนี้จัดขึ้นเมื่อวันที่ 25 - 28 กรกฎาคม 2567 ณ ศูนย์การค้าสมมติ",
        "วันพฤหัสบดีที่ 25 กรกฎาคม 2567",
        (date(2024, 7, 25), date(2024, 7, 25), date(2024, 7, 28), None),
        id="a-range-told-as-held-when",
    ),
    pytest.param(
        "วันที่ 26 กรกฎาคม 2566 นางสมใจ ใจดี ปลัดกระทรวงสมมติ เป็นประธานเปิดโครงการอบรมเชิงปฏิบัติการเครือข่ายสมมติ\n"
        "โครงการเริ่มที่ภาคเหนือเมื่อเดือนมกราคมที่ผ่านมา และล่าสุดวันที่ 26 - 27 กรกฎาคม 2566 ณ จังหวัดสุราษฎร์ธานี",
        "วันพุธที่ 26 กรกฎาคม 2566",
        (date(2023, 7, 26), date(2023, 7, 26), date(2023, 7, 27), None),
        id="a-range-with-its-place-was-held-there",
    ),
    pytest.param(
        "วันนี้ (4 ธ.ค. 64) โฆษกสมมติ เผยว่า ในวันอาทิตย์ที่ 5 ธันวาคม 2564 เวลา 16.00 น. จะมีพิธีวางศิลาฤกษ์อาคารสมมติ\n"
        "กิจกรรมประกอบด้วย\n"
        "1. พิธีทำบุญตักบาตร ในวันที่ 5 ธันวาคม 2564 ณ ท้องสนามหลวง\n"
        "2. ประดับธงตามอาคารสถานที่ของหน่วยงาน ระหว่างวันที่ 1 - 31 ธันวาคม 2564",
        "วันเสาร์ที่ 4 ธันวาคม 2564",
        (date(2021, 12, 5), date(2021, 12, 5), date(2021, 12, 5), "16:00"),
        id="a-range-in-a-numbered-list-dates-one-listed-activity",
    ),
]


@pytest.mark.parametrize(("body", "dateline", "expected"), EVENT_CASES)
def test_extract_event_dates(body: str, dateline: str, expected: tuple) -> None:
    assert _facts(_release(body, dateline=dateline)) == expected


@pytest.mark.parametrize(
    "body",
    [
        # No day given at all.
        "พัฒนาสังคมจังหวัดสมมติ จัดโครงการส่งเสริมสวัสดิการ ณ.โรงแรมสมมติ เชียงใหม่ เมื่อวันที่ผ่านมา",
        # Fiscal years and ordinary years are never event dates.
        "กรมสมมติ จัดประชุมชี้แจงแผนงาน ประจำปีงบประมาณ พ.ศ. 2563 และแผนปฏิบัติการประจำปี 2560",
        # A validity period is no event.
        "ธนาคารสมมติ เปิดตัวเงินฝาก รับดอกเบี้ยสูงสุด ตั้งแต่วันที่ 1 ธันวาคม 2566 - 31 ตุลาคม 2567",
        # An annual day is no event.
        "องค์การอนามัยโลกกำหนดให้วันที่ 24 มีนาคม ของทุกปี เป็นวันวัณโรคสากล กรมสมมติจึงรณรงค์ต่อเนื่อง",
        # The date of a figure, and the start of a rule, are no events.
        "กรมสมมติคาดว่าปริมาณน้ำต้นทุน ณ วันที่ 1 พ.ย. 66 จะเหลือเพียงร้อยละ 60",
        "ข้าราชการบรรจุใหม่ทั้ง 40 คน จะเริ่มปฏิบัติงานตั้งแต่วันที่ 25 กันยายน 2563 เป็นต้นไป",
        # A deadline is no event.
        "สำนักงานสมมติ เปิดให้ผู้ประกันตนแจ้งเปลี่ยนสถานพยาบาลได้จนถึงวันที่ 31 มีนาคม 2566",
        "ธนาคารสมมติ ขอให้ลูกค้ายื่นเอกสารภายในวันนี้ เพื่อรับสิทธิ์",
        "ผู้สนใจสามารถสมัครได้ตั้งแต่วันนี้ ถึงวันที่ 30 มิถุนายน 2566",
        # Background of an undated activity, deep in a later paragraph and weeks before publication.
        "รมช.สมมติ ลงพื้นที่ติดตามสถานการณ์น้ำในพื้นที่จังหวัดสมมติ\n"
        "นางสาวสมมติ ใจดี รัฐมนตรีช่วยว่าการ เปิดเผยภายหลังติดตามสถานการณ์น้ำว่า อ่างเก็บน้ำมีน้ำเพิ่มขึ้น\n"
        "และจากอิทธิพลร่องมรสุมกำลังแรง ช่วงวันที่ 1-5 มีนาคม 2566 ทำให้เกิดฝนตกหนักในเขตจังหวัดสมมติ",
        "นายสมมติ ใจดี รองปลัดกระทรวง เป็นประธานการประชุมคณะกรรมการสมมติ ณ ห้องประชุม 134\n"
        "ที่ประชุมรับทราบหนังสือกรมสมมติ ที่ สม 0405/ว 693 ลงวันที่ 6 กุมภาพันธ์ 2566 แล้ว",
    ],
)
def test_extract_event_dates_without_an_event_day(body: str) -> None:
    assert _facts(_release(body))[:3] == (None, None, None)


def test_a_later_date_the_headline_names_dates_the_event() -> None:
    body = (
        "สธ. เตรียมจัดประชุมวิชาการสัญจร 12 เขตสุขภาพ\n"
        "นายแพทย์สมมติ ใจดี อธิบดีกรมสมมติ เปิดเผยว่า การประชุมจะเริ่มครั้งแรกที่เขตสุขภาพที่ 9 "
        "จ.สมมติ ในวันที่ 4 มีนาคม 2565 และจัดต่อเนื่องทุกเขต"
    )
    dateline = "วันอังคารที่ 15 กุมภาพันธ์ 2565"
    named = _release(body, title="สธ. จัดประชุมวิชาการสัญจร เริ่ม 4 มี.ค. นี้", dateline=dateline)
    assert _facts(named)[0] == date(2022, 3, 4)
    # Without the headline's day, a date this far from publication deep in a later paragraph
    # is background.
    assert _facts(_release(body, title="สธ. จัดประชุมวิชาการสัญจร", dateline=dateline))[0] is None


@pytest.mark.parametrize(
    "body",
    [
        # under a sub-headline, like "วันนี้" alone: the day the release was published
        "รัฐมนตรีสมมติ ลุยจังหวัดสมมติ เดินหน้าผลักดันผลิตภัณฑ์ชุมชน\n"
        "เมื่อเวลา 16.50 น. ที่ศูนย์การค้าสมมติ นายสมมติ ใจดี รัฐมนตรีว่าการ เป็นประธานเปิดงานสมมติ",
        "เวลา 16.50 น. กรมสมมติ จัดการสัมมนาเชิงปฏิบัติการ เรื่อง “การเฝ้าระวังในชุมชน” ผ่านระบบการประชุมทางไกล",
        # a named day in a later quote is no dateline of the time-only opening
        "เมื่อเวลา 16.50 น. ที่ศูนย์การค้าสมมติ นายสมมติ ใจดี รัฐมนตรีว่าการ เป็นประธานเปิดงานสมมติ\n"
        "นายสมมติ กล่าวว่า วันที่ 24 มีนาคม 2566 เป็นวันครบรอบ 1 ปีของโครงการ",
    ],
)
def test_a_lead_opening_with_the_time_alone_is_the_publication_day(body: str) -> None:
    published = date(2022, 9, 9)
    assert _facts(_release(body, dateline="วันศุกร์ที่ 9 กันยายน 2565")) == (
        published,
        published,
        published,
        "16:50",
    )


def test_undated_activity_keeps_the_time_opening_a_later_paragraph() -> None:
    body = (
        "รัฐมนตรีสมมติ ลุยจังหวัดสมมติ เดินหน้าผลักดันผลิตภัณฑ์ชุมชน\n"
        "รัฐมนตรีสมมติ ย้ำให้ทุกหน่วยงานเร่งช่วยเหลือผู้ประกอบการรายย่อย\n"
        "ทั้งนี้ เมื่อเวลา 16.50 น. ที่ศูนย์การค้าสมมติ นายสมมติ ใจดี รัฐมนตรีว่าการ เป็นประธานเปิดงานสมมติ"
    )
    assert _facts(_release(body, dateline="วันศุกร์ที่ 9 กันยายน 2565")) == (None, None, None, "16:50")


def test_fiscal_year_is_reported_apart() -> None:
    article = _release("วันนี้ (28 ต.ค. 62) นางสมใจ เปิดการประชุม ประจำปีงบประมาณ พ.ศ. 2563")
    dates = extract_event_dates(article)
    assert dates.fiscal_year is not None and dates.fiscal_year.value == 2020
    assert dates.date is not None and dates.date.value == date(2019, 10, 28)


def test_output_spans_point_at_the_evidence() -> None:
    article = _release("วันนี้ (๒๘ ต.ค. ๖๒) เวลา ๑๐.๓๐ น. นางสมใจ ใจดี เปิดงาน")
    dates = extract_event_dates(article)
    assert dates.time is not None and dates.date is not None
    assert article.surface(dates.time.span) == "เวลา ๑๐.๓๐ น."
    assert "๒๘ ต.ค. ๖๒" in article.surface(dates.date.span)


def test_no_publication_date_and_no_dated_text() -> None:
    article = build_article("p", normalise_text("หัวข้อข่าวสมมติ\n\nวันนี้ นายสมมติ เปิดงานสมมติ"))
    assert _facts(article) == (None, None, None, None)


# --- properties ----------------------------------------------------------------------------

_WEEKDAY_PREFIXES = ["", "วันที่ ", "วันจันทร์ที่ ", "วันศุกร์ที่ ", "เมื่อวันที่ ", "วันนี้ (", "ระหว่างวันที่ "]


@st.composite
def _written_date(draw: st.DrawFn) -> tuple[str, date]:
    day = draw(st.dates(min_value=date(1958, 1, 1), max_value=date(2056, 12, 31)))
    m = day.month - 1
    be = day.year + 543
    styles = [
        f"{day.day} {FULL_MONTHS[m]} {be}",
        f"{day.day} {FULL_MONTHS[m]} พ.ศ. {be}",
        f"{day.day} {ABBR_MONTHS[m]} {be}",
        f"{day.day} {ABBR_MONTHS[m]} {be % 100:02d}",
        f"{day.day} {ABBR_MONTHS[m].replace('.', '')} {be % 100:02d}",
        f"{day.day} {ABBR_MONTHS[m].rstrip('.')} {be}",
        f"{day.day} {FULL_MONTHS[m]} {day.year}",
        f"{day.day} {FULL_MONTHS[m]} ค.ศ. {day.year}",
        f"{day.day:02d}/{day.month:02d}/{be}",
        f"{day.day}/{day.month}/{day.year}",
        f"{ENGLISH_MONTHS[m]} {day.day}, {day.year}",
        f"{day.day} {ENGLISH_MONTHS[m]} {day.year}",
    ]
    if 2000 <= day.year <= 2035:
        styles.append(f"{day.day:02d}/{day.month:02d}/{day.year % 100:02d}")
    if day.year >= 1993:
        styles.append(f"{day.day:02d}/{day.month:02d}/{be % 100:02d}")
    written = draw(st.sampled_from(_WEEKDAY_PREFIXES)) + draw(st.sampled_from(styles))
    if draw(st.booleans()):
        written = written.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    return written, day


@given(_written_date())
def test_any_written_date_parses_back(case: tuple[str, date]) -> None:
    written, day = case
    assert parse_thai_date(_ascii(written)) == day


@given(_written_date(), st.text(alphabet="นายสมชัย ณ ห้อง", max_size=20))
def test_a_date_inside_a_sentence_is_found_with_its_span(case: tuple[str, date], tail: str) -> None:
    written, day = case
    text = _ascii(f"หัวข้อ {written} {tail}")
    mentions = find_dates(text)
    assert mentions and mentions[0].start == day
    assert mentions[0].span[0] >= len("หัวข้อ")


@given(st.text(max_size=200))
def test_random_text_never_raises(s: str) -> None:
    norm = normalise_text(s)
    parse_thai_date(norm.text)
    find_dates(norm.text, date(2024, 1, 1))
    find_times(norm.text)
    find_fiscal_years(norm.text)
    extract_event_dates(build_article("r", norm))


_DATEISH = st.text(alphabet="0123456789 /-–.()ก.พ.ต.ค.มีนาคมวันที่นี้ เวลาน.2566", max_size=60)


@given(_DATEISH, st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 1, 1)))
def test_date_like_noise_never_raises_and_stays_in_bounds(s: str, reference: date | None) -> None:
    for m in find_dates(s, reference):
        assert 0 <= m.span[0] < m.span[1] <= len(s)
        assert m.start <= m.end
        assert 1900 <= m.start.year <= 2150
