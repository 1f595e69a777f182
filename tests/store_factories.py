"""Hand-made releases, records and crawl runs for the store tests (invented people and places)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from flows.store import PageRef
from flows.store_identity import stable_id
from schemas.models import EventRecord, Official

RELEASE_LAMPANG = (
    "ลำปาง ผู้ว่าฯ เปิดโครงการพัฒนาอาชีพผู้สูงอายุ\n"
    "วันที่ 5 มีนาคม 2567 เวลา 09.00 น. ณ ห้องประชุมศาลากลางจังหวัดลำปาง นายวีระพงษ์ ศรีสุขสันต์ "
    "ผู้ว่าราชการจังหวัดลำปาง เป็นประธานเปิดโครงการ “ลำปางร่วมใจ พัฒนาอาชีพผู้สูงอายุ” ประจำปีงบประมาณ "
    "2567 ซึ่งสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดลำปางจัดขึ้น เพื่อส่งเสริมให้ผู้สูงอายุมีรายได้"
    "เสริมจากงานหัตถกรรมพื้นบ้าน เช่น การทอผ้าฝ้าย การจักสานไม้ไผ่ และการทำเครื่องปั้นดินเผา "
    "โดยมีผู้สูงอายุจากทั้ง 13 อำเภอเข้าร่วมกว่า 120 คน\n"
    "นางสาวกัลยา ทองมาก พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดลำปาง กล่าวว่า โครงการนี้จะช่วยให้ผู้สูงอายุ"
    "ได้ใช้ภูมิปัญญาท้องถิ่นสร้างรายได้ และได้พบปะแลกเปลี่ยนประสบการณ์กับเพื่อนต่างอำเภอ "
    "ทั้งนี้ จะมีการติดตามผลการดำเนินงานอย่างต่อเนื่องตลอดปีงบประมาณ"
)
RELEASE_LAMPANG_REPOST = "ข่าวประชาสัมพันธ์ สำนักงานประชาสัมพันธ์จังหวัดลำปาง\n" + RELEASE_LAMPANG.replace(
    "กว่า 120 คน", "กว่า 120 ราย"
)
RELEASE_LAMPANG_SHORT = RELEASE_LAMPANG.split("\nนางสาวกัลยา")[0]
# The same template, reported by another province on the same day: not the same event.
RELEASE_PHRAE = (
    RELEASE_LAMPANG.replace("ลำปาง", "แพร่")
    .replace("วีระพงษ์ ศรีสุขสันต์", "ธนกร บุญประเสริฐ")
    .replace("กัลยา ทองมาก", "พิมพ์ชนก แก้วใส")
    .replace("13 อำเภอ", "8 อำเภอ")
)
RELEASE_FLOOD = (
    "จังหวัดน่านมอบถุงยังชีพช่วยเหลือผู้ประสบอุทกภัย\n"
    "วันที่ 12 สิงหาคม 2567 ที่หอประชุมอำเภอเวียงสา จังหวัดน่าน นายสุรเชษฐ์ วงศ์ใหญ่ รองผู้ว่าราชการจังหวัดน่าน "
    "พร้อมด้วยหัวหน้าส่วนราชการ ลงพื้นที่มอบถุงยังชีพและน้ำดื่มให้แก่ผู้ประสบอุทกภัย จำนวน 350 ครัวเรือน "
    "ภายหลังฝนตกหนักต่อเนื่องทำให้น้ำในแม่น้ำน่านเอ่อล้นเข้าท่วมบ้านเรือนและพื้นที่การเกษตร "
    "พร้อมกำชับให้ทุกหน่วยงานเร่งสำรวจความเสียหายเพื่อให้ความช่วยเหลือตามระเบียบกระทรวงการคลังโดยเร็ว "
    "นายบุญมี ใจกล้า ชาวบ้านหมู่ที่ 4 กล่าวขอบคุณหน่วยงานที่มาช่วยเหลือ"
)
RELEASE_TRAINING = (
    "กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการจัดอบรมล่ามภาษามือ\n"
    "วันที่ 20 มกราคม 2566 ณ โรงแรมริเวอร์ไซด์ กรุงเทพมหานคร ดร.อรุณี เพ็ชรรัตน์ อธิบดีกรมส่งเสริมและพัฒนา"
    "คุณภาพชีวิตคนพิการ เป็นประธานในพิธีเปิดการอบรมหลักสูตรล่ามภาษามือระดับกลาง รุ่นที่ 3 "
    "มีผู้เข้ารับการอบรมจำนวน 60 คน จากหน่วยงานภาครัฐและองค์กรคนพิการทั่วประเทศ "
    "การอบรมครั้งนี้มุ่งเพิ่มจำนวนล่ามภาษามือให้เพียงพอต่อความต้องการของคนพิการทางการได้ยิน "
    "ซึ่งปัจจุบันยังขาดแคลนอยู่มากโดยเฉพาะในโรงพยาบาลและสถานีตำรวจ"
)

GOVERNOR = Official(
    name="วีระพงษ์ ศรีสุขสันต์",
    honorific="นาย",
    position="ผู้ว่าราชการจังหวัดลำปาง",
    role="chair",
    span=(80, 104),
)
SOCIAL_OFFICER = Official(
    name="กัลยา ทองมาก",
    honorific="นางสาว",
    position="พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดลำปาง",
    role="quoted",
    span=(520, 534),
)
VILLAGER = Official(
    name="บุญมี ใจกล้า", honorific="นาย", role="quoted", is_public_official=False, span=(560, 573)
)


def lampang_record(doc_id: str = "lampang", **changes: object) -> EventRecord:
    record = EventRecord(
        doc_id=doc_id,
        is_event=True,
        event_date=date(2024, 3, 5),
        event_time="09:00",
        venue="ห้องประชุมศาลากลางจังหวัดลำปาง",
        venue_core="ศาลากลางจังหวัดลำปาง",
        province="ลำปาง",
        province_code="TH-52",
        attendee_count=120,
        attendee_qualifier="at_least",
        programme_name="ลำปางร่วมใจ พัฒนาอาชีพผู้สูงอายุ",
        organizer="สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดลำปาง",
        event_type="ceremony",
        officials=[GOVERNOR, SOCIAL_OFFICER],
        fiscal_year=2024,
        evidence={"event_date": (44, 60), "venue": (80, 110)},
        extractor_version="0.1.0+test",
    )
    return record.model_copy(update=changes)


def phrae_record(doc_id: str = "phrae") -> EventRecord:
    return lampang_record(
        doc_id,
        venue="ห้องประชุมศาลากลางจังหวัดแพร่",
        venue_core="ศาลากลางจังหวัดแพร่",
        province="แพร่",
        province_code="TH-54",
        programme_name="แพร่ร่วมใจ พัฒนาอาชีพผู้สูงอายุ",
        officials=[
            Official(name="ธนกร บุญประเสริฐ", honorific="นาย", position="ผู้ว่าราชการจังหวัดแพร่", role="chair")
        ],
    )


def flood_record(doc_id: str = "flood") -> EventRecord:
    return EventRecord(
        doc_id=doc_id,
        is_event=True,
        event_date=date(2024, 8, 12),
        venue="หอประชุมอำเภอเวียงสา",
        province="น่าน",
        province_code="TH-55",
        attendee_count=350,
        attendee_qualifier="exact",
        event_type="visit",
        officials=[
            Official(name="สุรเชษฐ์ วงศ์ใหญ่", honorific="นาย", position="รองผู้ว่าราชการจังหวัดน่าน", role="chair"),
            VILLAGER,
        ],
        extractor_version="0.1.0+test",
    )


def training_record(doc_id: str = "training") -> EventRecord:
    return EventRecord(
        doc_id=doc_id,
        is_event=True,
        event_date=date(2023, 1, 20),
        venue="โรงแรมริเวอร์ไซด์",
        province="กรุงเทพมหานคร",
        province_code="TH-10",
        attendee_count=60,
        attendee_qualifier="exact",
        programme_name="หลักสูตรล่ามภาษามือระดับกลาง รุ่นที่ 3",
        event_type="training",
        officials=[
            Official(
                name="อรุณี เพ็ชรรัตน์",
                honorific="ดร.",
                position="อธิบดีกรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ",
                role="chair",
            )
        ],
        extractor_version="0.1.0+test",
    )


def page(
    url: str, source_id: str = "sdo_lampang", fetched_at: datetime | None = None, content: str = ""
) -> PageRef:
    return PageRef(
        page_id=stable_id("test-page", url, content),
        source_id=source_id,
        url=url,
        canonical_url=url,
        content_sha256=stable_id("content", url, content),
        warc_file="khaosan-test-0.warc.gz",
        warc_offset=0,
        fetched_at=fetched_at or datetime(2024, 3, 5, 8, 0),
    )


def write_crawl_run(
    run_dir: Path, pages: list[dict], listings: list[dict] = (), errors: list[dict] = (), truncated: str = ""
) -> Path:
    """A RUN_DIR as the crawler leaves it; `truncated` appends a half-written last line."""
    run_dir.mkdir(parents=True, exist_ok=True)
    for name, items in (("pages", pages), ("listings", listings), ("errors", errors)):
        lines = [json.dumps(item, ensure_ascii=False) + "\n" for item in items]
        (run_dir / f"{name}.jsonl").write_text(
            "".join(lines) + (truncated if name == "pages" else ""), "utf-8"
        )
    stats = {
        "requests": len(pages) + len(listings),
        "responses": len(pages),
        "articles_fetched": len(pages),
        "errors": len(errors),
        "elapsed_s": 1.5,
        "by_source": {},
    }
    (run_dir / "stats.json").write_text(json.dumps(stats), "utf-8")
    return run_dir


def crawled_page(
    url: str,
    sha: str,
    fetched_at: str = "2024-03-05T08:00:00Z",
    source_id: str = "sdo_lampang",
    status: int = 200,
    offset: int = 0,
) -> dict:
    return {
        "source_id": source_id,
        "url": url,
        "canonical_url": url,
        "fetched_at": fetched_at,
        "status": status,
        "content_sha256": sha,
        "warc_file": "khaosan-r1-0.warc.gz",
        "warc_offset": offset,
        "warc_length": 900,
        "encoding": "utf-8",
        "content_type": "text/html; charset=utf-8",
        "changed": True,
        "http_etag": None,
        "http_last_modified": None,
    }


@contextmanager
def write_lock_held_elsewhere(db: Path, *, then_killed: bool = False) -> Iterator[None]:
    """Another process holds DuckDB's write lock on `db` while the block runs, then closes it (or,
    `then_killed`, dies by SIGKILL without closing)."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('locked', flush=True); sys.stdin.read()",
            str(db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        if then_killed:
            holder.kill()
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
