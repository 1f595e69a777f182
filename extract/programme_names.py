"""The name of the main event: "การประชุมเชิงปฏิบัติการ…", "โครงการ…", "พิธี…", or a quoted name.

A name is taken where the release says what was opened, chaired, organised or attended
("เป็นประธานเปิดการประชุม…", "จัดงาน “…”", "ร่วมประชุม…"), in the paragraphs that tell the main
event.  Unquoted names end where the sentence goes on to the venue, the date, the guests, the
purpose or the headcount ("ณ", "ที่…", "โดยมี", "เพื่อ", "วันที่", "จำนวน", a person's title…).
Lecture topics and slogans ("บรรยายพิเศษ เรื่อง …", "ภายใต้แนวคิด “…”") are never names: they are
reached only through the trigger words above, never on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.article import Article
from extract.event_zone import EventZone, locate_event_zone
from extract.gazetteers import trie_pattern
from extract.names import NOT_TITLE_RE
from extract.results import Found
from schemas.models import Span

_QUOTE = "“”\"‘’'"
_OPENING_QUOTE = re.compile(rf"\s?[{_QUOTE}]")
# An apostrophe between letters ("Prem’s") closes nothing.
_CLOSING_QUOTE = re.compile(r"[“”\"‘\n]|(?<![A-Za-z])[’']|[’'](?![A-Za-z])")

# Words that head an event name, longest first so "การประชุมเชิงปฏิบัติการ" beats "การประชุม".
_HEADS = (
    "การประชุมเชิงปฏิบัติการ",
    "ประชุมเชิงปฏิบัติการ",
    "การประชุมสัมมนา",
    "ประชุมสัมมนา",
    "การประชุม",
    "ประชุม",
    "การสัมมนา",
    "สัมมนา",
    "การเสวนา",
    "เสวนา",
    "การฝึกอบรม",
    "ฝึกอบรม",
    "การอบรม",
    "อบรม",
    "โครงการ",
    "พิธี",
    "มหกรรม",
    "กิจกรรม",
    "นิทรรศการ",
    "การแข่งขัน",
    "การประกวด",
    "เทศกาล",
    "เวที",
    "การแถลงข่าว",
    "การแถลงผล",
    "ลงนามบันทึก",
    "การลงนาม",
    "ถวายผ้าพระกฐิน",
    "ถวายผ้ากฐิน",
    "ทอดกฐิน",
    "ทอดผ้าป่า",
    "งาน",
)
_HEAD = re.compile("|".join(_HEADS))
# A head word that is really the verb's object, not the start of a name ("ร่วมงานกับ", "ในงานนี้").
_NOT_A_NAME_AFTER_HEAD = re.compile(
    r"\s?(?:มี|กับ|ถึง|เกี่ยวกับ|ที่|ของ|ด้าน|ใน(?!วัน)|และ|ให้|ได้|เป็น|ตาม|นี้|ดังกล่าว|ต่าง|ร่วม(?!กันของ)|ครั้งนี้|จะ|ก็|ว่า|แล้ว|โดย"
    r"|ซึ่ง|ฯ|ทั้ง|อย่าง|สำคัญ|หลัก|ต่อ|จาก|ขึ้น|ไป|มา|นั้น|เหล่านี้|อื่น|กรอบ|วงเงิน|งบประมาณ|มูลค่า|จำนวน|กว่า|ประมาณ|$"
    # an occasion, not an edition: "การจัดงานครั้งที่ผ่านมา", "งานครั้งแรก" ("ครั้งที่ 5" is an edition)
    r"|ครั้ง(?!ที่\s?\d))"
    # reported speech or a clause verb glued to the head ("งานเผยว่า", "โครงการเมื่อวันที่")
    r"|(?:เปิดเผย|เผย(?!แพร่|แผ่)|กล่าว|ระบุ|เมื่อ|ด้วย|คือ|ต้อง|สามารถ|จึง|แต่(?!ง)|หรือ)"
    # a bare head, a space, then a verb or a function word: "งาน จัดกิจกรรม…", "โครงการ ส่งคำขอ…"
    r"|\s(?:จัด|ส่ง|สัมผัส|เพื่อ|ซึ่ง|ทำ|ช่วย|เริ่ม|เปิด|ปิด|มอบ|รับ|ลง|ตรวจ|เน้น|มุ่ง)"
)
# What must come right before a head (or an opening quote) for it to name the reported event.
# "ใน" only after a chair/attend verb or a space ("ประธานในพิธี", "วิทยากรในงานสัมมนา", " ในงาน"), never
# inside a phrase ("ความสามารถในการแข่งขัน", "ภายในงาน").
_TRIGGER = re.compile(
    r"(?:ประธาน(?:การ)?|เปิด|ปิด|จัด|จัดทำ|จัดขึ้น|ร่วม|ทรง|(?:ประธาน|ร่วม|เนื่อง|กล่าว|พยาน|เกียรติ|วิทยากร|\s)ใน)\s?$"
)
# A project followed up on or worked under ("ติดตามโครงการอนุรักษ์…", "…ภายใต้โครงการความร่วมมือ…");
# "ติดตามงาน…" follows up on work, not on an event.
_FOLLOWED_PROJECT = re.compile(r"(?:ติดตาม|ภายใต้)\s?(?P<head>โครงการ)")
# A head that is only the frame of another name: "พิธีเปิด “…”", "งานสัมมนา…", "โครงการ “…”".
_FRAME = re.compile(r"(?:พิธี(?:เปิด|ปิด)(?:งาน)?|งาน(?=" + "|".join(_HEADS[:-1]) + r"))\s?")
# Only head words before a quote ("งาน “…”", "โครงการอบรมเชิงปฏิบัติการ “…”", "การสัมมนา เรื่อง “…”"):
# the quotation is the name.  A head with content of its own keeps it ("พิธีประทานรางวัล “…” ประจำปี…").
_GENERIC = (
    r"(?:โครงการ|งาน|กิจกรรม|พิธี(?:เปิด|ปิด)?|การ|ประชุม|สัมมนา|เสวนา|ฝึก|อบรม|เชิงปฏิบัติการ|วิชาการ|มหกรรม"
    r"|นิทรรศการ|เทศกาล|เวที|แข่งขัน|ประกวด|แถลงข่าว|ลงนาม|รณรงค์|เลี้ยง|ใหญ่|\s)+?"
)
# …also with a glued purpose: "สัมมนาเพื่อรับฟังความคิดเห็น “โครงการศึกษา…”" is a hearing on the project.
_GENERIC_BEFORE_QUOTE = re.compile(
    _GENERIC + r"(?:เพื่อ[^\s“”\"‘’']{2,60})?(?:\s?(?:เรื่อง|หัวข้อ))?\s?(?=[“”\"‘’'])"
)
_GENERIC_WORDS = re.compile(_GENERIC)
# "… ในหัวข้อ" / "… ภายใต้หัวข้อ" closing a name: what follows is the topic.
_TOPIC_AFTER_NAME = re.compile(r"\s?(?:ใน|ภายใต้)?หัวข้อ$")
_EDITION_WORDS = r"(?:(?:ประจำปี\S*|ปี|ครั้งที่|รุ่นที่|ระยะที่)\s?(?:[พค]\.ศ\.\s?)?|[พค]\.ศ\.\s?)\d"
# "… ภายใต้ชื่อ “Thailand Travelution 2022”": the name introduced as such is the name.
_NAMED_AS = re.compile(rf"\s?(?:ภายใต้ชื่อ|ในชื่อ|(?:ใช้)?ชื่อว่า)(?:งาน|โครงการ|กิจกรรม)?\s?(?=[{_QUOTE}])")
# After a quoted part inside a name: its edition or year, or the province it is held for.
_AFTER_INNER_QUOTE = re.compile(rf"(?:\s?{_EDITION_WORDS}[\d/.\-–]*|\s(?:จังหวัด|ภาค)[ก-๙]+)*")
# A quote after an edition or after "หัวข้อ" is a theme or topic, not part of the name.
_THEME_BEFORE_QUOTE = re.compile(r"(?:ครั้งที่|ประจำปี|รุ่นที่)\s?\d|หัวข้อ\s?$")
# Words that introduce the quoted title of the thing itself: a course, an episode, an award.
_TITLE_BEFORE_QUOTE = re.compile(r"(?:หลักสูตร|ตอน|รางวัล|โครงการ|กิจกรรม|รายการ|ชื่อ|ต้นแบบ)\s?$")
_EDITION_AFTER_QUOTE = re.compile(rf"[{_QUOTE}]?\s?{_EDITION_WORDS}")
_MAX_HEAD_BEFORE_QUOTE = 40
# A function word left at a name's end when the next word (a title, a date) ended it.
_DANGLING_WORD = re.compile(r"\s(?:จาก|แก่|กับ|ของ|และ|โดย|ที่|ใน)$")
# A name's opening quote, not the closing one of an earlier quotation.
_INNER_QUOTE = re.compile(r"\s?[“\"‘']")

_THAI_MONTH = (
    r"(?:ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน"
    r"|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม)"
)
_HONORIFIC = (
    r"(?:นาย|นาง|นางสาว|น\.ส\.|ดร\.|นพ\.|พญ\.|ทพ\.|ภก\.|ผศ\.|รศ\.|ศ\.|พล\.|พลเอก|พลตำรวจ|พลเรือ|พลอากาศ"
    r"|พันเอก|พันตำรวจ|ว่าที่|ศาสตราจารย์|รองศาสตราจารย์|ผู้ช่วยศาสตราจารย์|Mr\.|Mrs\.|Ms\.|Dr\.)"
)
# Where an unquoted name ends: the sentence moves on to venue, date, guests, purpose, count…
_NAME_END = re.compile(
    r"\s(?=ณ|ที่(?!\d)|ว่า(?!ด้วย)|โดย(?!สมัครใจ|ชุมชน|สันติ|ภาคประชาชน)|จัดโดย|เพื่อ|ซึ่ง|พร้อม|ภายใต้|ระหว่างวันที่|ระหว่าง\s?\d|ในวันที่|ในโอกาส|ในฐานะ|ในห้วง|ในระหว่าง|วันที่|วัน(?:จันทร์|อังคาร|พุธ|พฤหัส|ศุกร์|เสาร์|อาทิตย์)"
    r"|เมื่อ|ร่วมกับ|เนื่องใน|เปิดเผย|เผย|ระบุ|ชี้แจง|เห็นชอบ|อนุมัติ|จัดขึ้น|ให้แก่|ให้กับ|แก่|ผ่าน|ทั้งนี้|ตั้งแต่|จำนวน|เป็น|อีกทั้ง|รวมถึง|รวมทั้ง|กล่าว|มุ่ง|หวัง"
    r"|สำหรับ|โอกาสนี้|นอกจากนี้|อย่างเป็นทางการ|และ(?:มอบ|เยี่ยม|ร่วม|กล่าว|บรรยาย|เป็น|ได้|มี|ตรวจ|เปิด|ปาฐกถา|พบ|รับฟัง|ติดตาม|ลงพื้นที่)|พบ|มี(?:นาย|นาง|ผู้|การ|\s)"
    r"|ด้วย|เวลา|ตลอด|ส่งผล|เริ่ม|จึง|แต่|ทำให้|นำ|ได้|ขณะ|หลังจาก|ก่อน|โดยมี|อาทิ|ได้แก่|ประกอบด้วย|ต่อ|เน้น|ยกระดับ|ให้เกียรติ|คาดว่า|มูลค่า|ปลื้ม"
    # "พิธีเปิดชุมชนสมมติ 1 ใน 10 สุดยอดชุมชน…": what follows ranks the place, it names nothing
    r"|\d{1,3}\sใน\s\d"
    # an abbreviated district ("… วัดสมมติ อ.บ้านโป่ง จ.ราชบุรี"); "จ.นครสวรรค์" alone may be part of the name
    r"|[อต]\.\s?[ก-ฮเ-ไ][ก-๙]{2}"
    rf"|\(?\d{{1,2}}\s?(?:[-–]\s?\d{{1,2}}\s?)?{_THAI_MONTH}|{_HONORIFIC}|[“”\"‘’'])"
    # glued: a clause verb, "today", a closing quote of a sentence-level quotation, a headcount
    # glued: the partner of a signing or talk ("…ความร่วมมือทางวิชาการกับศาสตราจารย์…")
    rf"|(?=กับ\s?(?!{NOT_TITLE_RE.pattern}){_HONORIFIC})"
    r"|(?=จัดขึ้น|ที่จัด|ซึ่งจัด|จัดโดย|โดยมี|และการประชุมอื่น|(?<=\))\s?และพิธี|วันนี้|ครั้งนี้|ในครั้งนี้|[“”\"‘’]|\s?อีก\s?\d|\s\d[\d,]*\s?(?:ราย|คน)(?![ก-๙]))"
    # glued: reported speech ("…ออนไลน์ว่า การ…", "…เปิดเผยว่า", "…ถึงกรณี…") and past-date phrases
    r"|(?<!ก)(?=ว่า\s)|(?=(?:เปิดเผย|กล่าว|ระบุ|ชี้แจง)(?:ว่า|ถึง)|ถึง(?:กรณี|ประเด็น|ความคืบหน้า|ผลการ|กระแส))"
    r"|(?=เมื่อ(?:วัน|สัปดาห์|เดือน|ปี|ช่วง|คืน|เช้า|บ่าย|เย็น|ครั้ง)|ที่ผ่านมา|ในวันที่)"
    # glued: the programme an activity was part of, or the name it was given, told in quotes
    r"|(?=(?:ภายใต้|ตาม)(?:โครงการ|กิจกรรม)\s?[“\"‘']|(?:ภายใต้ชื่อ|ในชื่อ|(?:ใช้)?ชื่อว่า)\S{0,8}\s?[“\"‘'])"
    r"|\n|\s?[,;](?!\d)"
)
# "ประจำวันที่ 2 มกราคม 2567": the daily edition of a press briefing is part of its name.
_DAILY = rf"ประจำวันที่\s?\d{{1,2}}\s?{_THAI_MONTH}\.?\s?\d{{2,4}}"
_DAILY_DATE = re.compile(r"ประจำวันที่\s?$")
# After an edition or year ("ครั้งที่ 45", "ประจำปี 2567", "รุ่นที่ 1") a name goes on only with
# another edition/year part or a parenthesis; anything else is the sentence moving on.
_EDITION_END = re.compile(
    rf"(?:(?:ครั้งที่|รุ่นที่|ฉบับที่|ระยะที่|ปี|พ\.ศ\.|ค\.ศ\.|ประจำปี\S*)\s?\d[\d/.\-–]*|{_DAILY})\s"
    r"(?!\(|ประจำปี|ปี|พ\.ศ\.|ค\.ศ\.|ครั้งที่|รุ่นที่|ระยะที่|ฉบับที่|ระดับ(?:ชาติ|ประเทศ|ภูมิภาค)|[-–]|ใน(?!งาน|การ)|จังหวัด|\d"
    # "ครั้งที่ 1 และ 2" goes on, "… ประจำปี 2568 และพิธีเปิด…" is a second activity;
    # "… ประจำปี พ.ศ. 2567 เรื่อง …" names the conference's subject
    r"|และ\s?(?:\d|ครั้งที่|รุ่นที่|ระยะที่|ฉบับที่|ปี|พ\.ศ\.)|และการ(?:ประชุม|สัมมนา|อบรม|ฝึกอบรม)(?!อื่น)|เรื่อง)"
)
# "… ครั้งที่ 45 (The International Conference …)": an English rendering after the number ends it.
_TRAILING_TRANSLATION = re.compile(r"(?<=\d)\s?\((?=[^()]*[A-Za-z])(?:[^()]|\([^()]*\))*\)$")
# "เนื่องในเทศกาลสมมติ … ประจำปี 2568": an occasion clause that runs to the edition year is part of
# the name; without a year it is the sentence going on ("… เนื่องในวันสตรีสากล").
_OCCASION_OF_EDITION = re.compile(r"\sเนื่องใน[^\n,“”\"]{0,160}?\sประจำปี\S*\s?\d")
_TOPIC_ONLY = re.compile(r"^(?P<frame>\S{2,25})\s(?:ใน)?หัวข้อ\s?(?P<topic>.+)$")
# "ร่วมประชุมหารือกับผู้บริหาร…": a bare verb (no การ) and its partner, not the name of a meeting.
_VERB_PHRASE = re.compile(r"(?:ประชุม|สัมมนา|เสวนา)(?:หารือ)?\s?(?:กับ|ร่วมกับ|ถึง|เกี่ยวกับ)")
_ANAPHOR = re.compile(r"(?:ดังกล่าว|ครั้งนี้|นี้|ในครั้งนี้|ฯ|ต่าง\s?ๆ)")
_QUOTE_OR_HEAD = re.compile(trie_pattern([*_QUOTE, *_HEADS]))
# "ภายใต้กิจกรรม “…”", and "ตาม “โครงการ…”" where the quotation itself names a programme.
_UNDER_PROGRAMME = re.compile(
    rf"ภายใต้(?:ชื่อ)?(?:โครงการ|กิจกรรม)\s?(?=[{_QUOTE}])|(?:ภายใต้|ตาม)\s?(?=[{_QUOTE}](?:โครงการ|กิจกรรม))"
)
_PROJECT_BEFORE_QUOTE = re.compile(rf"โครงการ\s?(?=[{_QUOTE}])")
# Event heads that name the activity even without a trigger verb before them.  Not "โครงการ": a
# project standing in a sentence is mostly infrastructure or policy ("… โครงการรถไฟฟ้าสายสีชมพู ช่วง…").
_PHRASE_HEAD = re.compile(r"(?:(?<=\s)|^)(?:การประชุม|ประชุมเชิงปฏิบัติการ|การสัมมนา|มหกรรม|ลงนามบันทึก)", re.M)
# A project is the activity only when it is launched or signed for ("Kick off โครงการ…", "เปิดตัว
# โครงการ…", "ลงนามบันทึกข้อตกลงการผลักดัน โครงการ…").
_PROJECT_HEAD = re.compile(r"(?<=\s)โครงการ")
_PROJECT_LAUNCH = re.compile(r"(?:ลงนาม|เปิดตัว|ผลักดัน|[Kk]ick\s?[Oo]ff)\S{0,30}\s$")
# …and not when the phrase is what someone talks about ("เปิดเผยว่า การประชุม…", "กล่าวถึง…").
_TOLD_ABOUT = re.compile(r"(?:ว่า|ถึง|ทั้งนี้|และ|หลัง|จาก|ใน|ของ|ตาม|ก่อน)\s?$")
# A project mentioned as something else's cause or topic ("ผลกระทบจากโครงการ “…”", "กล่าวถึงโครงการ").
_PROJECT_AS_TOPIC = re.compile(r"(?:จาก|ถึง|•|คือ)\s?$")
# A purpose clause that the headline repeats as part of the name ("… ท้องถิ่น เพื่อบูรณาการ…").
_PURPOSE_WORDS = re.compile(r"\sเพื่อ[^\s“”\"‘’']+(?:\s[^\s“”\"‘’']+){0,4}")
_SPACES = re.compile(r"\s+")
_MAX_NAME = 300
_MIN_NAME = 6


def find_programme_name(article: Article, zone: EventZone | None = None) -> Found[str] | None:
    """The most specific name of the main event, as written, or None."""
    text = article.text
    zone = zone or locate_event_zone(article)
    for start, end in zone.main:
        found = next(_triggered_names(text, start, end), None)
        if found is not None:
            return _found(article, _with_titled_purpose(article, found, end))
    # "โครงการ “ครัวเรือนสีขาว”" told right after the dateline paragraph.
    for start, end in zone.rest[:2]:
        for match in _PROJECT_BEFORE_QUOTE.finditer(text, start, end):
            if _PROJECT_AS_TOPIC.search(text, max(start, match.start() - 8), match.start()):
                continue
            span = _quoted(text, match.end(), end)
            if span is not None:
                return _found(article, span)
    # A name standing at the start of a phrase in the dateline paragraph ("จังหวัดลำปาง
    # โดยสำนักงาน… ประชุมเชิงปฏิบัติการ…"), or in a sub-headline above it that the dateline only
    # looks back on ("กสร. ลงนามบันทึกข้อตกลง… เรื่อง “…”" above "นาย… กล่าวหลังลงนาม…").
    sub_headlines = [span for span in zone.headline if span[0] >= article.body_start]
    for start, end in (zone.dateline, *sub_headlines):
        for match in _PHRASE_HEAD.finditer(text, start, end):
            if _TOLD_ABOUT.search(text, max(start, match.start() - 10), match.start()):
                continue
            span = _name_from_head(text, match.start(), end, match.end() - match.start())
            if span is not None:
                return _found(article, span)
    start, end = zone.dateline
    for match in _PROJECT_HEAD.finditer(text, start, end):
        if _PROJECT_LAUNCH.search(text, max(start, match.start() - 40), match.start()):
            span = _name_from_head(text, match.start(), end, match.end() - match.start())
            if span is not None:
                return _found(article, span)
    # "ส่งมอบอาหาร… ภายใต้กิจกรรม “กล่องสมมติ”": the programme an activity was part of.
    for start, end in (*zone.main, *zone.rest[:1]):
        for match in _UNDER_PROGRAMME.finditer(text, start, end):
            span = _quoted(text, match.end(), end)
            if span is not None:
                return _found(article, span)
    # Last, a project the activity followed up on or was held under, when nothing else names it.
    for start, end in zone.main:
        for match in _FOLLOWED_PROJECT.finditer(text, start, end):
            span = _name_from_head(text, match.start("head"), end, len(match.group("head")))
            if span is not None:
                return _found(article, span)
    return None


def _with_titled_purpose(article: Article, span: Span, end: int) -> Span:
    """The name with the purpose clause after it when the headline gives the name with it."""
    text = article.text
    purpose = _PURPOSE_WORDS.match(text, span[1], end)
    if purpose is None or span[0] < article.body_start or not article.title:
        return span
    title = _SPACES.sub(" ", article.title)
    cut = purpose.end()
    while cut > span[1]:
        if _SPACES.sub(" ", text[span[0] : cut]) in title:
            return (span[0], cut)
        cut = text.rfind(" ", span[1] + 1, cut)
    return span


def _found(article: Article, span: Span) -> Found[str]:
    return Found(_SPACES.sub(" ", article.surface(span)).strip(), span)


def _triggered_names(text: str, start: int, end: int) -> Iterator[Span]:
    """Names right after a trigger word, in text order."""
    for match in _QUOTE_OR_HEAD.finditer(text, start, end):
        pos = match.start()
        if not _TRIGGER.search(text, max(start, pos - 16), pos):
            continue
        if match.group(0) in _QUOTE:
            span = _quoted(text, pos, end)
        else:
            span = _name_from_head(text, pos, end, len(match.group(0)))
        if span is not None:
            yield span


def _name_from_head(text: str, pos: int, end: int, head_len: int) -> Span | None:
    frame = _FRAME.match(text, pos, end)
    if frame is not None:
        rest = frame.end()
        if rest < end and text[rest] in _QUOTE:
            return _quoted(text, rest, end)
        head = _HEAD.match(text, rest, end)
        if head is not None:
            pos, head_len = rest, head.end() - rest
        elif frame.group(0).rstrip().endswith("งาน"):
            # "พิธีเปิดงานสัปดาห์สมมติ…": the name is the งาน… that was opened
            head_len = 3
            pos = rest - head_len - (len(frame.group(0)) - len(frame.group(0).rstrip()))
        else:
            # "พิธีเปิดศูนย์ช่วยเหลือสังคมสมมติ": what was opened has no head word of its own
            head_len = rest - pos
            if _NAME_END.match(text, rest - 1) or rest >= end:
                return None
    if _NOT_A_NAME_AFTER_HEAD.match(text, pos + head_len, end) or _ANAPHOR.match(text, pos + head_len, end):
        return None
    if _VERB_PHRASE.match(text, pos, end):
        return None
    # "โครงการประชุมเชิงปฏิบัติการ “สื่อสาร…”": a generic head, then the quoted name.
    generic = _GENERIC_BEFORE_QUOTE.match(text, pos, end)
    if generic is not None:
        return _quoted(text, generic.end(), end)
    return _bounded_name(text, pos, end, head_len)


def _bounded_name(text: str, pos: int, end: int, head_len: int) -> Span | None:
    """From a head word to where the name ends, keeping parenthesised parts whole."""
    limit = min(end, pos + _MAX_NAME)
    stop = limit
    for match in _NAME_END.finditer(text, pos + head_len, limit):
        inside = text[pos : match.start()]
        if inside.count("(") > inside.count(")"):
            continue
        if _OCCASION_OF_EDITION.match(text, match.start(), limit):
            continue  # "… เนื่องในเทศกาลสมมติ … ประจำปี 2568" is part of the name
        if text.endswith("ประจำวันที่", pos, match.start()):
            continue  # "… ประจำวันที่ 2 มกราคม 2567" dates a briefing's edition
        stop = match.start()
        if _INNER_QUOTE.match(text, stop, limit):
            if _quote_is_part(text, pos, stop, limit):
                # "พิธีประทานรางวัล “ประชาบดี” ประจำปี 2568", "… หลักสูตร “…”", "… ตอน “…”"
                stop = _through_inner_quote(text, stop, limit)
            elif _GENERIC_WORDS.fullmatch(text, max(pos, text.rfind(" ", pos, stop) + 1), stop):
                # "โครงการส่งเสริม…ตำบลคลองพน กิจกรรมงาน “ตากลม…”": the quoted activity is the one held
                return _quoted(text, stop, limit) or _clean(text, pos, stop)
        break
    else:
        if limit < end:
            return None  # runs on past any plausible name length: a sentence, not a name
    named = _NAMED_AS.match(text, stop, end)
    if named is not None:
        return _quoted(text, named.end(), end)
    edition = _EDITION_END.search(text, pos + head_len, stop)
    if edition is not None:
        stop = edition.end() - 1
    name = text[pos:stop].rstrip(" -–:")
    topic = _TOPIC_ONLY.match(name)
    if topic is not None:
        topic_start = pos + topic.start("topic")
        if text[topic_start] in _QUOTE:
            return _quoted(text, topic_start, end)
        return _clean(text, topic_start, pos + topic.end("topic"))
    framed = _TOPIC_AFTER_NAME.search(name)
    if (
        framed is not None
        and " " in name[: framed.start()]
        and not _GENERIC_WORDS.fullmatch(name, 0, framed.start())
    ):
        # "การประชุมผู้นำเขตเศรษฐกิจเอเปค… ในหัวข้อ “…”": a meeting named in words of its own keeps
        # the name over the topic; "การสัมมนา", "การสัมมนาเศรษฐกิจ" only frame it
        return _clean(text, pos, pos + framed.start())
    if name.endswith("หัวข้อ") or name.endswith("เรื่อง"):
        # "การสัมมนา ในหัวข้อ “…”": the quoted topic names it; a bare announcement of a topic is no name
        quoted = _quoted(text, stop, end) if stop < end and _OPENING_QUOTE.match(text, stop) else None
        return quoted
    return _clean(text, pos, pos + len(name))


def _quote_is_part(text: str, pos: int, stop: int, limit: int) -> bool:
    """Whether the quotation at stop continues the name begun at pos or adds a slogan to it."""
    before = text[pos:stop].strip()
    if "เรื่อง" in before or _TITLE_BEFORE_QUOTE.search(before):
        return True  # "… เรื่อง การขับเคลื่อน… “…”", "… หลักสูตร “…”", "พิธีประทานรางวัล “…”"
    if _THEME_BEFORE_QUOTE.search(before):
        return False
    quoted = _quoted(text, stop, limit)
    if quoted is not None and _EDITION_AFTER_QUOTE.match(text, quoted[1], limit):
        return True  # "… มาตรฐาน “ฮาลาล” ครั้งที่ 7/2563": the name goes on past the quotation
    # a head with a short descriptor ("พิธีมอบแบบลายผ้าพระราชทาน “…”"); after a whole phrase of its
    # own ("มหกรรมวัฒนธรรม วิถีถิ่น วิถีไทย “…”") the quotation is a slogan
    return " " not in before and len(before) <= _MAX_HEAD_BEFORE_QUOTE


def _through_inner_quote(text: str, stop: int, limit: int) -> int:
    """Past a quotation inside a name and the edition or province that follows it; stop if none."""
    quoted = _quoted(text, stop, limit)
    if quoted is None:
        return stop
    closing = _CLOSING_QUOTE.search(text, quoted[1], limit)
    after = closing.end() if closing is not None else quoted[1]
    return _AFTER_INNER_QUOTE.match(text, after, limit).end()


def _clean(text: str, start: int, end: int) -> Span | None:
    name = text[start:end]
    translation = _TRAILING_TRANSLATION.search(name)
    if translation is not None:
        end = start + translation.start()
    while end > start and text[end - 1] in " ,;:-–":
        end -= 1
    dangling = _DANGLING_WORD.search(text, start, end)
    if dangling is not None:
        end = dangling.start()  # "… Emergency Support จาก นายโอตากะ…": the name ended before "จาก"
    if end - start < _MIN_NAME or _HEAD.fullmatch(text, start, end):
        return None
    return (start, end)


def _quoted(text: str, pos: int, end: int) -> Span | None:
    """The content of the quotation opening at pos (any quote style, mismatched pairs too)."""
    opening = _OPENING_QUOTE.match(text, pos, end)
    if opening is None:
        return None
    content_start = opening.end()
    closing = _CLOSING_QUOTE.search(text, content_start, min(end, content_start + _MAX_NAME))
    if closing is None or text[closing.start()] == "\n":
        return None
    content_end = closing.start()
    while content_start < content_end and text[content_start] == " ":
        content_start += 1
    while content_end > content_start and text[content_end - 1] == " ":
        content_end -= 1
    if content_end - content_start < 4:
        return None
    return (content_start, content_end)
