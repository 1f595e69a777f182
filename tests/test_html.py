"""HTML -> main text, title and publication date, on invented pages in the real sites' layouts."""

from __future__ import annotations

from datetime import date

import pytest

from extract.html import html_to_article

_BODY = (
    "วันนี้ (3 ก.พ. 65) เวลา 09.00 น. นายสมมติ ใจงาม ผู้ว่าราชการจังหวัดสมมติ เป็นประธานเปิด"
    "การประชุมเชิงปฏิบัติการพัฒนาเครือข่ายอาสาสมัคร ณ ห้องประชุมชั้น 2 ศาลากลางจังหวัด จำนวน 120 คน"
)

EWT_TABLE_PAGE = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=tis-620">
<title>จังหวัดสมมติ จัดประชุมอาสาสมัคร</title></head><body><table>
<tr><td><a href="/">หน้าหลัก</a> | <a href="/list">ข่าวทั้งหมด</a></td></tr>
<tr><td><b>ข่าวล่าสุด</b><br>&raquo; <a href="/n?nid=1">ข่าวอื่นที่ไม่เกี่ยวข้อง จัดงานใหญ่</a><br>
สถิติผู้เข้าชม วันนี้ 128</td>
<td><table><tr><td class="navpath">ขณะนี้คุณอยู่ที่ &rsaquo; ข่าวจังหวัด</td></tr>
<tr><td class="newsheadline"><b>จังหวัดสมมติ จัดประชุมอาสาสมัคร</b></td></tr>
<tr><td class="newsdate">วันที่ลงข่าว: 03/02/22</td></tr>
<tr><td class="newsdetail"><p>{_BODY}</p><p>ย่อหน้าที่สองของข่าว กล่าวถึงรายละเอียดเพิ่มเติมของการประชุม</p></td></tr>
</table></td></tr></table></body></html>"""

WORDPRESS_PAGE = f"""<html><head><title>ข่าว | สนง.พมจ.สมมติ</title>
<meta property="article:published_time" content="2022-02-03T10:00:00+07:00"></head><body>
<nav class="menu"><a href="/">หน้าแรก</a></nav>
<article><h1 class="entry-title">พมจ.สมมติ จัดประชุมอาสาสมัคร</h1>
<div class="entry-content"><p>{_BODY}</p>
<div class="share-bar">แชร์ Facebook Line Twitter</div></div></article>
<aside><h3>โพสต์ยอดนิยม</h3><ul><li>ข่าวอื่นที่ไม่เกี่ยวข้อง</li></ul></aside>
<div id="comments" class="comment-respond">ร่วมแสดงความคิดเห็น</div></body></html>"""


@pytest.mark.parametrize(
    ("html", "title", "published"),
    [
        (EWT_TABLE_PAGE, "จังหวัดสมมติ จัดประชุมอาสาสมัคร", date(2022, 2, 3)),
        (WORDPRESS_PAGE, "พมจ.สมมติ จัดประชุมอาสาสมัคร", date(2022, 2, 3)),
    ],
)
def test_page_layouts_give_body_title_and_date(html: str, title: str, published: date) -> None:
    page = html_to_article(html)
    assert page.title == title
    assert page.published == published
    assert page.text.startswith("วันนี้ (3 ก.พ. 65)")
    assert "ข่าวล่าสุด" not in page.text
    assert "โพสต์ยอดนิยม" not in page.text
    assert "แชร์" not in page.text
    assert "ร่วมแสดงความคิดเห็น" not in page.text


def test_generic_page_falls_back_to_trafilatura() -> None:
    html = f"<html><body><div class='menu'>หน้าแรก</div><main><h1>หัวข้อ</h1><p>{_BODY}</p></main></body></html>"
    page = html_to_article(html)
    assert "การประชุมเชิงปฏิบัติการ" in page.text


@pytest.mark.parametrize("html", ["", b"", "<html></html>", "\x00\x01binary", "<p>สั้น</p>"])
def test_empty_or_broken_html_gives_empty_text_not_an_exception(html: str | bytes) -> None:
    page = html_to_article(html)
    assert isinstance(page.text, str)
