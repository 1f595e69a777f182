"""cProfile over the text pipeline: where the time of ``extract_article_and_record`` goes."""

from __future__ import annotations

import cProfile
import io
import pstats

from benchmarks.corpus import Release
from extract.pipeline import extract_article_and_record


def profile_text_pipeline(releases: list[Release], *, top: int = 25, sort: str = "cumulative") -> str:
    """The ``top`` functions by ``sort`` over the releases; pipeline build and gazetteer loading
    happen on a warm-up document first, so the profile shows per-document work only."""
    items = [r.as_text_input() for r in releases]
    if items:
        extract_article_and_record(items[0])
    profiler = cProfile.Profile()
    profiler.enable()
    for item in items:
        extract_article_and_record(item)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats(sort).print_stats(top)
    return f"profiled {len(items)} documents, sorted by {sort}\n{out.getvalue()}"
