"""The shared TSV gazetteer loader and the curated officials gazetteers."""

from __future__ import annotations

import re

import pytest

from extract.gazetteers import GAZETTEER_DIR, load_tsv, trie_pattern


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("honorifics", {"form", "kind", "full_form"}),
        ("positions", {"head", "kind", "public"}),
        ("agencies", {"acronym", "full_name", "kind", "parent"}),
    ],
)
def test_gazetteer_rows_have_the_header_columns(name: str, columns: set[str]) -> None:
    rows = load_tsv(name)
    assert len(rows) > 50
    assert all(set(row) == columns for row in rows)
    first = next(iter(columns))
    assert all(row[first] == row[first].strip() for row in rows)


def test_load_accepts_the_file_name_with_extension() -> None:
    assert load_tsv("agencies.tsv") == load_tsv("agencies")


def test_load_returns_a_fresh_list_each_call() -> None:
    rows = load_tsv("positions")
    rows.clear()
    assert load_tsv("positions")


def test_missing_gazetteer_raises() -> None:
    with pytest.raises(FileNotFoundError):
        load_tsv("no_such_gazetteer")


def test_comments_blank_lines_and_short_rows(tmp_path, monkeypatch) -> None:
    import extract.gazetteers as gazetteers

    (tmp_path / "tiny.tsv").write_text("# comment\n\nkey\tvalue\nก\t1\nข\n", encoding="utf-8")
    monkeypatch.setattr(gazetteers, "GAZETTEER_DIR", tmp_path)
    gazetteers._read_rows.cache_clear()
    try:
        assert gazetteers.load_tsv("tiny") == [{"key": "ก", "value": "1"}, {"key": "ข", "value": ""}]
    finally:
        gazetteers._read_rows.cache_clear()


@pytest.mark.parametrize(
    ("acronym", "full_name"),
    [
        ("พก.", "กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ"),
        ("พม.", "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์"),
        ("พมจ.", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด"),
        ("สธ.", "กระทรวงสาธารณสุข"),
        ("อว.", "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม"),
        ("มท.", "กระทรวงมหาดไทย"),
        ("ป.ป.ส.", "สำนักงานคณะกรรมการป้องกันและปราบปรามยาเสพติด"),
    ],
)
def test_agency_acronyms(acronym: str, full_name: str) -> None:
    assert {"acronym": acronym, "full_name": full_name} in [
        {"acronym": r["acronym"], "full_name": r["full_name"]} for r in load_tsv("agencies")
    ]


def test_every_ministry_is_listed() -> None:
    ministries = [r["full_name"] for r in load_tsv("agencies") if r["kind"] == "ministry"]
    assert len(ministries) == 20  # สำนักนายกรัฐมนตรี + 19 กระทรวง
    parents = {r["parent"] for r in load_tsv("agencies")} - {""}
    assert parents <= set(ministries)


def test_honorific_kinds_are_known() -> None:
    kinds = {r["kind"] for r in load_tsv("honorifics")}
    assert kinds == {
        "civil",
        "academic",
        "medical",
        "military",
        "police",
        "noble",
        "royal",
        "foreign",
        "not_title",
    }


def test_gazetteer_files_are_tab_separated_utf8() -> None:
    for path in GAZETTEER_DIR.glob("*.tsv"):
        text = path.read_text(encoding="utf-8")
        assert "\r" not in text


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        (["นาย", "นาง", "นางสาว"], "นางสาวสมใจ", "นางสาว"),
        (["นาย", "นายแพทย์"], "นายแพทย์สมชาย", "นายแพทย์"),
        (["พ.ต.ท.", "พ.ต."], "พ.ต.ท.สมศักดิ์", "พ.ต.ท."),
        (["ab", "abc", "b"], "abd", "ab"),
    ],
)
def test_trie_pattern_prefers_the_longest_word(words: list[str], text: str, expected: str) -> None:
    match = re.compile(trie_pattern(words)).match(text)
    assert match is not None and match.group() == expected


def test_trie_pattern_escapes_regex_characters() -> None:
    pattern = re.compile(trie_pattern(["ดร.", "(พิเศษ)"]))
    assert pattern.fullmatch("ดร.")
    assert not pattern.fullmatch("ดรX")
    assert pattern.fullmatch("(พิเศษ)")
