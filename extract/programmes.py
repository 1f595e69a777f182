"""Whether a release reports an event, and the main event's name, type and organiser.

A release is an event report when the headline or the dateline paragraph tells a concrete activity
(chairing, opening, meeting, visiting, signing, training, handing over…).  Statistics bulletins,
service announcements, warnings and cabinet summaries tell none.  Because the pipeline fills the
event fields only for events, the decision leans to "event" whenever an activity is told.
"""

from __future__ import annotations

import re

from extract.article import Article
from extract.event_types import classify_event
from extract.event_zone import NA_WORD, EventZone, locate_event_zone
from extract.gazetteers import trie_pattern
from extract.organisers import find_organiser
from extract.programme_names import find_programme_name
from extract.results import EventFacts

# Activities told in the headline or the dateline paragraph.  Strong ones say that a person did
# something at a time and place; weak ones (handing over, joining, exhibitions…) also appear in
# announcements that merely describe programmes.
_STRONG_ACTIVITY_WORDS = [
    "เป็นประธาน",
    "ประธานใน",
    "ประธานเปิด",
    "ประธานการ",
    "เปิดงาน",
    "เปิดการ",
    "เปิดโครงการ",
    "เปิดกิจกรรม",
    "ลงพื้นที่",
    "ตรวจเยี่ยม",
    "ตรวจราชการ",
    "ตรวจติดตาม",
    "ศึกษาดูงาน",
    "เยือน",
    "หารือ",
    "ลงนาม",
    "พบปะ",
    "เข้าพบ",
    "ประชุม",
    "สักการะ",
    "พิธี",
    "เข้าเฝ้า",
    "รับเสด็จ",
    "เสด็จ",
]
_WEAK_ACTIVITY_WORDS = [
    "เปิดตัว",
    "เปิดอาคาร",
    "เยี่ยมชม",
    "ติดตามความคืบหน้า",
    "สัมมนา",
    "เสวนา",
    "อบรม",
    "เข้าร่วม",
    "ร่วมงาน",
    "ร่วมกิจกรรม",
    "จัดงาน",
    "จัดกิจกรรม",
    "จัดโครงการ",
    "รณรงค์",
    "ต้อนรับ",
    "แถลงข่าว",
    "ปาฐกถา",
    "บรรยาย",
    "นำคณะ",
    "ปล่อยขบวน",
    "ทอดกฐิน",
    "วางศิลาฤกษ์",
    "มหกรรม",
    "นิทรรศการ",
    "ประชาคม",
    "ฝึกซ้อม",
    "แข่งขัน",
    "ประกวด",
    "มอบ",
]
_ACTIVITY = re.compile(trie_pattern([*_STRONG_ACTIVITY_WORDS, *_WEAK_ACTIVITY_WORDS]))
_STRONG_ACTIVITY = frozenset(_STRONG_ACTIVITY_WORDS)
# "ห้องประชุม"/"ที่ประชุม" name a room or a body, "มอบหมาย" is delegating: neither is an activity.
_PLACE_BEFORE_MEETING = re.compile(r"(?:ห้อง|หอ|ศูนย์|ที่)$")
# A spokesperson relaying news opens the paragraph: only a strong activity makes it an event.
_SPOKESPERSON = re.compile(r"โฆษก\S*.{0,120}?(?:เปิดเผย|เผย|กล่าว|ระบุ|แจ้ง)")
# Warnings, clarifications and invitations report an event only when someone is seen presiding,
# opening or visiting in the dateline paragraph.
# "ชวน" is an invitation, "ชักชวน" (persuading, as in "ฝาก อสม. ช่วยชักชวน…") is not.
_ANNOUNCEMENT_TITLE = re.compile(
    r"เตือน|ชี้แจง|แจง|(?<!ชัก)ชวน|ขอความร่วมมือ|อย่าเชื่อ|อย่าแชร์|ข่าวปลอม|ขยายเวลา|เปิดรับสมัคร|ประกาศผล"
)
# A headline that reports figures ("ปลัด มท. เผยยอดลงทะเบียน…", "เปิดสถิติ…") sums up a tally; its
# dateline's "เวลา 15.00 น." and "ณ ศูนย์…" say when and where the figures stand, not an activity.
_FIGURES_TITLE = re.compile(r"เผยยอด|สรุปยอด|เผยตัวเลข|เปิดตัวเลข|เปิดสถิติ|เผยสถิติ")
_ORGANISED_EVENT_TITLE = re.compile(r"จัดงาน|จัดกิจกรรม|รณรงค์|มหกรรม|พิธี")
_CORE_ACTIVITY = re.compile(r"เป็นประธาน|ประธานใน|ประธานเปิด|ประธานการ|เปิดงาน|เปิดการ|ลงพื้นที่|ตรวจเยี่ยม|ตรวจราชการ")
# Talks and signings on a stated day are events even under an announcing headline
# ("สิงคโปร์ชวนไทย MOU…" over "วันนี้ (22 พ.ค. 65) … ร่วมหารือกับ…").
_DATED_TALKS = re.compile(r"หารือ|ลงนาม|\bMO[Uu]\b|เข้าพบ|พบปะ|มอบนโยบาย")
_TALKS_REACH = 300  # the talks must be what the dateline sentence tells, not a later aside
# "X จัดสัมมนา/จัดอบรม/จัดกิจกรรม…" in the lead, told later as having happened ("การสัมมนาในวันนี้",
# "กิจกรรมในครั้งนี้"), reports an organised event; plans ("เตรียมจัด", "จะจัด") do not.
_ORGANISED_ACTIVITY = re.compile(
    r"(?<!การ)(?<!ผู้)(?<!จะ)(?<!เตรียม)(?<!กำหนด)(?<!เจ้าภาพ)(?<!ศูนย์กลาง)(?<!เพื่อ)(?<!จะ )(?<!เตรียม )"
    r"จัด(?:งาน|การ)?(?:ประชุม|สัมมนา|ฝึกอบรม|อบรม|เสวนา|พิธี|กิจกรรม|มหกรรม|นิทรรศการ|โครงการ)"
)
_HAPPENED = re.compile(r"ในวันนี้(?!\s?\()|ใน\s?ครั้งนี้|การ(?:สัมมนา|อบรม|ประชุม|เสวนา|จัดงาน|จัดกิจกรรม)\S{0,40}?ครั้งนี้")
# The dateline paragraph opens with a cabinet resolution: a digest of decisions, not an activity.
_CABINET_RESOLUTION = re.compile(
    r"(?:ที่ประชุม)?(?:ครม\.|คณะรัฐมนตรี(?:\s?\(ครม\.\))?)\s?(?:มีมติ|เห็นชอบ|อนุมัติ|รับทราบ)"
)
_CABINET_TITLE = re.compile(r"ครม\.|คณะรัฐมนตรี")
_RELAY_REACH = 250  # a relayed resolution follows the spokesperson's "เปิดเผยว่า"
# A clock time and a named place in the dateline paragraph: something happened there and then.
_CLOCK_TIME = re.compile(r"เวลา\s?\d{1,2}[.:]\d{2}\s?น")
_PLACE = re.compile(
    rf"{NA_WORD}(?!วันที่|วัน|ขณะนี้|ปัจจุบัน|สิ้น)|ที่\s?(?:ห้อง|โรงแรม|ศูนย์|อาคาร|ตึก|ทำเนียบ|รัฐสภา|หอ|วัด|สนาม|บริเวณ|ศาลา)"
)
_DATELINE_DATE = re.compile(r"วันนี้|เมื่อวัน|วัน\S{0,12}ที่\s?\d|\(\d{1,2}\s")
# Cabinet-meeting summaries and similar multi-topic digests report no single activity.
_DIGEST_TITLE = re.compile(
    r"^(?:สรุปข่าว|สรุปผล|ผลการประชุมคณะรัฐมนตรี|มติคณะรัฐมนตรี|มติ\s?ครม|ครม\.\s?(?:เห็นชอบ|อนุมัติ|รับทราบ|มีมติ))"
    r"|ข่าวการประชุมคณะรัฐมนตรี|สรุปสาระสำคัญ"
)


def extract_event_facts(article: Article) -> EventFacts:
    """What the main event is called, what kind it is, who organised it; or no event at all."""
    text = article.text
    zone = locate_event_zone(article)
    if not _reports_activity(article, zone):
        return EventFacts(is_event=False)
    name = find_programme_name(article, zone)
    return EventFacts(
        is_event=True,
        programme_name=name,
        # The headline sums up the main activity; the dateline sentence may go on to side activities.
        event_type=classify_event(text, name, (*zone.headline, zone.dateline)),
        organizer=find_organiser(article, zone),
    )


def _reports_activity(article: Article, zone: EventZone) -> bool:
    title = article.title or ""
    if _DIGEST_TITLE.search(title):
        return False
    text = article.text
    start, end = zone.dateline
    if _CABINET_RESOLUTION.match(text, start, end):
        return False
    # "รองโฆษก… เปิดเผยว่า วันนี้ (…) คณะรัฐมนตรีมีมติ…" under a cabinet headline: a relayed digest.
    if _CABINET_TITLE.search(title) and _CABINET_RESOLUTION.search(
        text, start, min(end, start + _RELAY_REACH)
    ):
        return False
    if _FIGURES_TITLE.search(title) and not _CORE_ACTIVITY.search(text, start, end):
        return False
    if _CLOCK_TIME.search(text, start, end) and _PLACE.search(text, start, end):
        return True
    dated = _DATELINE_DATE.search(text, start, end) is not None
    if _ANNOUNCEMENT_TITLE.search(title) and not _ORGANISED_EVENT_TITLE.search(title):
        return _CORE_ACTIVITY.search(text, start, end) is not None or (
            dated and _DATED_TALKS.search(text, start, min(end, start + _TALKS_REACH)) is not None
        )
    relayed = _SPOKESPERSON.search(text, start, min(end, start + 250)) is not None
    found = [_activity_strength(text, s, e) for s, e in zone.main] + [
        _activity_strength(title, 0, len(title))
    ]
    if "strong" in found:
        return True
    if not relayed and _organised_and_held(article, zone):
        return True
    # Weak cues alone ("เปิดตัว", "มอบ", "เข้าร่วม") need the dateline to say when or where.
    return not relayed and "weak" in found and (dated or _PLACE.search(text, start, end) is not None)


def _organised_and_held(article: Article, zone: EventZone) -> bool:
    """The headline or dateline says an agency organised an activity and the body tells it as held."""
    text = article.text
    title = article.title or ""
    organised = _ORGANISED_ACTIVITY.search(title) is not None or any(
        _ORGANISED_ACTIVITY.search(text, s, e) for s, e in zone.main
    )
    return organised and _HAPPENED.search(text, article.body_start) is not None


def _activity_strength(text: str, start: int, end: int) -> str | None:
    """'strong', 'weak' or None: the strongest activity word in text[start:end]."""
    strength = None
    for match in _ACTIVITY.finditer(text, start, end):
        word = match.group(0)
        if word == "ประชุม" and _PLACE_BEFORE_MEETING.search(
            text, max(start, match.start() - 5), match.start()
        ):
            continue
        if word == "มอบ" and text.startswith("หมาย", match.end()):
            continue
        if word in _STRONG_ACTIVITY:
            return "strong"
        strength = "weak"
    return strength
