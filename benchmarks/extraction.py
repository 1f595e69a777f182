"""Extraction speed on the same documents in one run: our pipeline on text and on HTML,
trafilatura alone on the same pages, and PyThaiNLP's ThaiNER CRF on the same texts.

HTML pages come in two layouts (``benchmarks.corpus.PageLayout``): "generic", where our HTML path
runs trafilatura (the ratio target is measured on it), and "cms", a known CMS body container that
extract.html reads directly.  trafilatura alone is ``trafilatura.extract(page)`` with its defaults,
what a user of the library would call, on the generic pages.

Figures: docs/s over the whole run (sum of per-document times) in wall-clock and CPU time, median
ms per document (wall and CPU), p95 CPU ms, peak RSS, and the two ratios the project tracks: HTML
extraction / trafilatura alone (target >= 0.5, i.e. our whole HTML path at most twice trafilatura's
cost) and our text extraction / ThaiNER, both in documents per CPU second.  HTML pages are built
before timing starts, so page generation is never timed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import trafilatura

from benchmarks.corpus import Release
from benchmarks.thainer_baseline import entities
from benchmarks.timing import BUSY_MACHINE_CPU_SHARE, Timing, peak_rss_mib, time_each
from extract.pipeline import extract_article_and_record
from schemas.models import EventRecord

HTML_TO_TRAFILATURA_TARGET = 0.5
# Fields compared between the text-input and HTML-input records of one release.
AGREEMENT_FIELDS = ("is_event", "event_date", "venue", "province", "attendee_count", "programme_name")


@dataclass
class ExtractionReport:
    docs: int
    mean_chars: float
    timings: list[Timing]
    text_errors: list[str]
    html_errors: list[str]
    agreement: dict[str, dict[str, float]]  # page layout -> field -> share agreeing with text input
    thainer_entities_per_doc: float
    peak_rss_mib: float

    def timing(self, name: str) -> Timing:
        return next(t for t in self.timings if t.name == name)

    @property
    def html_over_trafilatura(self) -> float:
        return self.timing("html").docs_per_cpu_s / self.timing("trafilatura").docs_per_cpu_s

    @property
    def text_over_thainer(self) -> float:
        return self.timing("text").docs_per_cpu_s / self.timing("thainer").docs_per_cpu_s

    def as_dict(self) -> dict[str, Any]:
        return {
            "docs": self.docs,
            "mean_chars_per_doc": round(self.mean_chars, 1),
            "timings": [t.summary() for t in self.timings],
            "ratio_html_over_trafilatura": round(self.html_over_trafilatura, 3),
            "ratio_html_over_trafilatura_target": HTML_TO_TRAFILATURA_TARGET,
            "ratio_text_over_thainer": round(self.text_over_thainer, 2),
            "text_errors": self.text_errors,
            "html_errors": self.html_errors,
            "html_text_agreement": self.agreement,
            "thainer_entities_per_doc": round(self.thainer_entities_per_doc, 1),
            "peak_rss_mib": round(self.peak_rss_mib, 1),
        }


def _recording(records: dict[str, EventRecord]) -> Callable[[dict[str, str]], None]:
    def extract(item: dict[str, str]) -> None:
        records[item["doc_id"]] = extract_article_and_record(item)[1]

    return extract


def _agreement(text: dict[str, EventRecord], html: dict[str, EventRecord]) -> dict[str, float]:
    """Share of releases whose HTML-input record has the same value as the text-input record."""
    shared = [doc_id for doc_id in text if doc_id in html]
    if not shared:
        return {}
    out = {}
    for name in AGREEMENT_FIELDS:
        same = sum(getattr(text[d], name) == getattr(html[d], name) for d in shared)
        out[name] = round(same / len(shared), 4)
    same_people = sum(
        {o.name for o in text[d].officials} == {o.name for o in html[d].officials} for d in shared
    )
    out["official_names"] = round(same_people / len(shared), 4)
    return out


def run_extraction(releases: list[Release], warmup: int = 50) -> ExtractionReport:
    """Time the four methods on the same releases, one method after the other."""
    text_items = [r.as_text_input() for r in releases]
    html_items = [r.as_html_input("generic") for r in releases]
    cms_items = [r.as_html_input("cms") for r in releases]
    pages = [item["html"] for item in html_items]
    texts = [r.text for r in releases]

    text_records: dict[str, EventRecord] = {}
    html_records: dict[str, EventRecord] = {}
    cms_records: dict[str, EventRecord] = {}
    entity_counts: dict[str, int] = {}

    def thainer(release: Release) -> None:
        entity_counts[release.doc_id] = len(entities(release.text))

    methods: list[tuple[str, Callable[[Any], None], list[Any]]] = [
        ("text", _recording(text_records), text_items),
        ("html", _recording(html_records), html_items),
        ("html_cms", _recording(cms_records), cms_items),
        ("trafilatura", trafilatura.extract, pages),
        ("thainer", thainer, releases),
    ]
    # Every method is warmed up before any is timed, so lazy loads and first-touch memory growth
    # do not all land on whichever method happens to run first.
    for _, fn, items in methods:
        for item in items[:warmup]:
            fn(item)
    timings = [time_each(name, fn, items) for name, fn, items in methods]
    return ExtractionReport(
        docs=len(releases),
        mean_chars=sum(map(len, texts)) / len(texts) if texts else 0.0,
        timings=timings,
        text_errors=[f"{r.doc_id}: {r.error}" for r in text_records.values() if r.error],
        html_errors=[
            f"{r.doc_id}: {r.error}" for r in (*html_records.values(), *cms_records.values()) if r.error
        ],
        agreement={
            "generic": _agreement(text_records, html_records),
            "cms": _agreement(text_records, cms_records),
        },
        thainer_entities_per_doc=sum(entity_counts.values()) / len(entity_counts) if entity_counts else 0.0,
        peak_rss_mib=peak_rss_mib(),
    )


_LABELS = {
    "text": "khaosan extraction, text input",
    "html": "khaosan extraction, HTML input (incl. trafilatura)",
    "html_cms": "khaosan extraction, HTML in a known CMS container",
    "trafilatura": "trafilatura.extract alone, same pages",
    "thainer": "PyThaiNLP ThaiNER 1.5 CRF, same texts",
}


def format_report(report: ExtractionReport) -> str:
    lines = [
        f"documents: {report.docs} (mean {report.mean_chars:,.0f} characters of text)",
        f"{'method':<51} {'docs/s':>7} {'docs/cpu-s':>10} {'median ms/doc':>13} {'median cpu-ms':>13} "
        f"{'p95 cpu-ms':>10} {'cpu/wall':>8}",
    ]
    for t in report.timings:
        lines.append(
            f"{_LABELS[t.name]:<51} {t.docs_per_s:>7.1f} {t.docs_per_cpu_s:>10.1f} {t.median_ms:>13.2f} "
            f"{t.median_cpu_ms:>13.2f} {t.p95_cpu_ms:>10.2f} {t.cpu_share:>8.0%}"
        )
    if min(t.cpu_share for t in report.timings) < BUSY_MACHINE_CPU_SHARE:
        lines.append("note: other processes competed for the CPU (cpu/wall < 90%): quote the cpu columns")
    verdict = "meets" if report.html_over_trafilatura >= HTML_TO_TRAFILATURA_TARGET else "MISSES"
    lines += [
        f"ratio html_extraction/trafilatura (docs per cpu-s): {report.html_over_trafilatura:.3f} "
        f"({verdict} target >= {HTML_TO_TRAFILATURA_TARGET})",
        f"ratio text_extraction/thainer (docs per cpu-s): {report.text_over_thainer:.2f}",
        f"thainer entities per doc: {report.thainer_entities_per_doc:.1f}",
        f"errors: text {len(report.text_errors)}, html {len(report.html_errors)}",
        *(
            f"html/text agreement ({layout} layout): " + ", ".join(f"{k} {v:.1%}" for k, v in shares.items())
            for layout, shares in report.agreement.items()
        ),
        f"peak RSS: {report.peak_rss_mib:.0f} MiB",
    ]
    lines += [f"  error {e}" for e in (report.text_errors + report.html_errors)[:20]]
    return "\n".join(lines)
