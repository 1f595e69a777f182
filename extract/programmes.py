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
from extract.event_zone import locate_event_zone
from extract.gazetteers import trie_pattern
from extract.organisers import find_organiser
from extract.programme_names import find_programme_name
from extract.results import EventFacts

# Activities told in the headline or the dateline paragraph.
_ACTIVITY_WORDS = [
    "เป็นประธาน",
    "ประธานใน",
    "ประธานเปิด",
    "ประธานการ",
    "เปิดงาน",
    "เปิดการ",
    "เปิดโครงการ",
    "เปิดกิจกรรม",
    "เปิดตัว",
    "เปิดอาคาร",
    "พิธี",
    "ลงพื้นที่",
    "ตรวจเยี่ยม",
    "เยี่ยมชม",
    "ตรวจราชการ",
    "ตรวจติดตาม",
    "ติดตามความคืบหน้า",
    "ศึกษาดูงาน",
    "เดินทางไป",
    "เยือน",
    "สัมมนา",
    "เสวนา",
    "อบรม",
    "หารือ",
    "ลงนาม",
    "เข้าร่วม",
    "ร่วมงาน",
    "ร่วมกิจกรรม",
    "จัดงาน",
    "จัดกิจกรรม",
    "จัดโครงการ",
    "รณรงค์",
    "พบปะ",
    "เข้าพบ",
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
    "เข้าเฝ้า",
    "รับเสด็จ",
    "เสด็จ",
    "ประชาคม",
    "ฝึกซ้อม",
    "แข่งขัน",
    "ประกวด",
    "ประชุม",
    "มอบ",
]
_ACTIVITY = re.compile(trie_pattern(_ACTIVITY_WORDS))
# "ห้องประชุม"/"ที่ประชุม" name a room or a body, "มอบหมาย" is delegating: neither is an activity.
_PLACE_BEFORE_MEETING = re.compile(r"(?:ห้อง|หอ|ศูนย์|ที่)$")
# Cabinet-meeting summaries and similar multi-topic digests report no single activity.
_DIGEST_TITLE = re.compile(
    r"^(?:สรุปข่าว|สรุปผล|ผลการประชุมคณะรัฐมนตรี|มติคณะรัฐมนตรี|มติ\s?ครม|ครม\.\s?(?:เห็นชอบ|อนุมัติ|รับทราบ|มีมติ))"
    r"|ข่าวการประชุมคณะรัฐมนตรี|สรุปสาระสำคัญ"
)


def extract_event_facts(article: Article) -> EventFacts:
    """What the main event is called, what kind it is, who organised it; or no event at all."""
    text = article.text
    zone = locate_event_zone(article)
    if not _reports_activity(article, zone.main):
        return EventFacts(is_event=False)
    name = find_programme_name(article, zone)
    return EventFacts(
        is_event=True,
        programme_name=name,
        event_type=classify_event(text, name, zone.main),
        organizer=find_organiser(article, zone),
    )


def _reports_activity(article: Article, paragraphs: tuple[tuple[int, int], ...]) -> bool:
    title = article.title or ""
    if _DIGEST_TITLE.search(title):
        return False
    text = article.text
    return any(_has_activity(text, start, end) for start, end in paragraphs) or _has_activity(
        title, 0, len(title)
    )


def _has_activity(text: str, start: int, end: int) -> bool:
    for match in _ACTIVITY.finditer(text, start, end):
        word = match.group(0)
        if word == "ประชุม" and _PLACE_BEFORE_MEETING.search(
            text, max(start, match.start() - 5), match.start()
        ):
            continue
        if word == "มอบ" and text.startswith("หมาย", match.end()):
            continue
        return True
    return False
