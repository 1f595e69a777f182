"""Province gazetteer and matchers: canonical names, ISO codes and the ways releases write them."""

from __future__ import annotations

import re

import pytest

from extract.provinces import (
    all_provinces,
    bangkok_district_in,
    bare_province_at,
    capital_district_at,
    prefixed_province_at,
    prefixed_provinces_in,
    province_alternation,
    province_at,
    province_named,
    province_of_surface,
)


def test_all_77_provinces_with_unique_iso_codes() -> None:
    provinces = all_provinces()
    assert len(provinces) == 77
    assert len({p.code for p in provinces}) == 77
    assert len({p.name for p in provinces}) == 77
    assert all(p.code.startswith("TH-") for p in provinces)


@pytest.mark.parametrize(
    ("surface", "name", "code"),
    [
        ("กรุงเทพมหานคร", "กรุงเทพมหานคร", "TH-10"),
        ("กรุงเทพฯ", "กรุงเทพมหานคร", "TH-10"),
        ("กทม.", "กรุงเทพมหานคร", "TH-10"),
        ("กทม", "กรุงเทพมหานคร", "TH-10"),
        ("ลำปาง", "ลำปาง", "TH-52"),
        ("จังหวัดลำปาง", "ลำปาง", "TH-52"),
        ("จ.เชียงใหม่", "เชียงใหม่", "TH-50"),
        ("จ. นนทบุรี", "นนทบุรี", "TH-12"),
        ("อยุธยา", "พระนครศรีอยุธยา", "TH-14"),
        ("โคราช", "นครราชสีมา", "TH-30"),
        ("บึงกาฬ", "บึงกาฬ", "TH-38"),
        ("สงขลา", "สงขลา", "TH-90"),
        ("นราธิวาส", "นราธิวาส", "TH-92"),
        ("แม่ฮ่องสอน", "แม่ฮ่องสอน", "TH-58"),
        ("อุบลราชธานี", "อุบลราชธานี", "TH-34"),
        ("ภูเก็ต", "ภูเก็ต", "TH-83"),
    ],
)
def test_province_named(surface: str, name: str, code: str) -> None:
    province = province_named(surface)
    assert province is not None
    assert (province.name, province.code) == (name, code)


@pytest.mark.parametrize("surface", ["ลำปางใหม่", "เมืองทองธานี", "ญี่ปุ่น", "", "จังหวัด"])
def test_province_named_rejects_non_provinces(surface: str) -> None:
    assert province_named(surface) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ตาก อำเภอแม่สอด", "ตาก"),
        ("แพร่ เมื่อวันที่", "แพร่"),
        ("กรุงเทพฯ นายสมชาย", "กรุงเทพมหานคร"),
        ("นครปฐม/", "นครปฐม"),
        ("สระแก้ว", "สระแก้ว"),
        ("สระบุรี)", "สระบุรี"),
    ],
)
def test_bare_province_word(text: str, name: str) -> None:
    mention = bare_province_at(text, 0)
    assert mention is not None and mention.province.name == name


@pytest.mark.parametrize("text", ["ตากใบ", "แพร่ภาพสด", "เลยไป", "น่านน้ำไทย", "ตรังกานู"])
def test_bare_province_needs_a_word_end(text: str) -> None:
    assert bare_province_at(text, 0) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("จังหวัดน่านเป็นพื้นที่", "น่าน"),
        ("จ.ชลบุรี นายสมศักดิ์", "ชลบุรี"),
        ("จังหวัดนครพนม", "นครพนม"),
        ("จังหวัดนครปฐม", "นครปฐม"),
        ("จ.พระนครศรีอยุธยา", "พระนครศรีอยุธยา"),
    ],
)
def test_prefixed_province(text: str, name: str) -> None:
    mention = prefixed_province_at(text, 0)
    assert mention is not None and mention.province.name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("อำเภอเมืองเพชรบูรณ์ พระครูสมมติ", "เพชรบูรณ์"),
        ("อ.เมืองสุรินทร์ จ.สุรินทร์", "สุรินทร์"),
        ("อำเภอเมือง หนองบัวลำภู", "หนองบัวลำภู"),
    ],
)
def test_capital_district(text: str, name: str) -> None:
    mention = capital_district_at(text, 0)
    assert mention is not None and mention.province.name == name
    assert province_at(text, 0) is not None


def test_capital_district_without_province_is_not_one() -> None:
    assert capital_district_at("อำเภอเมือง จังหวัดลำปาง", 0) is None


def test_prefixed_provinces_in_order_with_offsets() -> None:
    text = "ผู้แทนจังหวัดสุพรรณบุรี อุทัยธานี และจ.นครปฐม เข้าร่วม"
    mentions = prefixed_provinces_in(text)
    assert [m.province.name for m in mentions] == ["สุพรรณบุรี", "นครปฐม"]
    assert text[mentions[1].start : mentions[1].end] == "จ.นครปฐม"


def test_province_alternation_covers_names_and_aliases() -> None:
    pattern = re.compile(province_alternation())
    for surface, name in (("กทม.", "กรุงเทพมหานคร"), ("นครศรีธรรมราช", "นครศรีธรรมราช"), ("ตาก", "ตาก")):
        m = pattern.fullmatch(surface)
        assert m is not None and province_of_surface(m.group(0)).name == name


@pytest.mark.parametrize(
    ("text", "found"),
    [("ณ ลานกีฬา เขตบางรัก กรุงเทพฯ", True), ("สำนักงานเขตจตุจักร", True), ("เขตพื้นที่การศึกษา", False)],
)
def test_bangkok_district(text: str, found: bool) -> None:
    mention = bangkok_district_in(text)
    assert (mention is not None and mention.province.name == "กรุงเทพมหานคร") == found
