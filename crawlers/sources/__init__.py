"""Source registry: one family definition per module, instances from a TOML sources file.

    [[source]]
    id = "sdo-lampang"      # unique, [a-z0-9_-]
    family = "sdo"          # a module in this package
    base_url = "https://lampang.m-society.go.th"   # optional when the family knows it
    enabled = true          # optional, default: the family's default
    province = "ลำปาง"      # family parameters

A family that ships disabled (thaigov) can only be enabled with `override_disabled = true` and a
non-empty `override_reason`. Every problem in a file is reported at once, each naming file and line.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawlers.sources import dep, feed, msociety, prd, sdo, thaigov
from crawlers.sources.base import CrawlPlan, FamilyDefinition, SourceConfig, SourcesFileError

__all__ = ["FAMILIES", "CrawlPlan", "FamilyDefinition", "SourceConfig", "SourcesFileError", "load_sources"]

FAMILIES: dict[str, FamilyDefinition] = {
    m.FAMILY.name: m.FAMILY for m in (dep, msociety, sdo, prd, thaigov, feed)
}

COMMON_KEYS = frozenset({"id", "family", "base_url", "enabled", "override_disabled", "override_reason"})
SOURCE_ID = re.compile(r"^[a-z0-9_-]+$")
_TABLE_HEADER = re.compile(r"^\s*\[\[\s*source\s*\]\]")
_TOML_LINE = re.compile(r"at line (\d+)")


def _entry_lines(text: str) -> list[tuple[int, int]]:
    """(first, last) 1-based line range of each [[source]] table, in file order."""
    starts = [i + 1 for i, line in enumerate(text.splitlines()) if _TABLE_HEADER.match(line)]
    ends = [s - 1 for s in starts[1:]] + [len(text.splitlines())]
    return list(zip(starts, ends, strict=True))


def _key_line(lines: list[str], span: tuple[int, int], key: str) -> int:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number in range(span[0], span[1] + 1):
        if pattern.match(lines[number - 1]):
            return number
    return span[0]


def _valid_http_url(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    try:
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _parse_entry(
    entry: dict[str, Any], where: str, lines: list[str], span: tuple[int, int], problems: list[str]
) -> SourceConfig | None:
    def problem(key: str | None, message: str) -> None:
        line = _key_line(lines, span, key) if key else span[0]
        problems.append(f"{where}:{line}: {message}")

    source_id = entry.get("id")
    if not isinstance(source_id, str) or not SOURCE_ID.match(source_id):
        problem("id" if "id" in entry else None, f"source id {source_id!r} must match [a-z0-9_-]+")
    family = FAMILIES.get(entry.get("family"))  # type: ignore[arg-type]
    if family is None:
        problem("family", f"unknown family {entry.get('family')!r}; known: {', '.join(sorted(FAMILIES))}")
        return None
    params: dict[str, str] = {}
    for key, value in entry.items():
        if key in COMMON_KEYS:
            continue
        if key not in family.known_params:
            allowed = ", ".join(sorted(COMMON_KEYS | family.known_params))
            problem(key, f"unknown key {key!r} for family {family.name!r}; allowed: {allowed}")
        elif not isinstance(value, str) or not value.strip():
            problem(key, f"parameter {key!r} must be a non-empty string")
        else:
            params[key] = value.strip()
    for key in family.required_params:
        if key not in entry:
            problem(None, f"family {family.name!r} needs parameter {key!r}")
    if "article_pattern" in params:
        try:
            re.compile(params["article_pattern"])
        except re.error as exc:
            problem("article_pattern", f"article_pattern is not a valid regex: {exc}")
    base_url = entry.get("base_url")
    if base_url is not None and not _valid_http_url(base_url):
        problem("base_url", f"base_url {base_url!r} is not an absolute http(s) URL")
        base_url = None
    if family.check_params and all(k in params for k in family.required_params):
        family_problems, base_url = family.check_params(params, base_url)
        for key, message in family_problems:
            problem(key, message)
    base_url = base_url or family.default_base_url
    if base_url is None:
        problem(None, f"family {family.name!r} has no default host: give base_url")
    enabled = entry.get("enabled", family.enabled_by_default)
    override = entry.get("override_disabled", False)
    override_reason = entry.get("override_reason")
    for key, value in (("enabled", enabled), ("override_disabled", override)):
        if not isinstance(value, bool):
            problem(key, f"{key} must be true or false")
    has_override = override is True and isinstance(override_reason, str) and bool(override_reason.strip())
    if enabled is True and not family.enabled_by_default and not has_override:
        problem(
            "enabled",
            f"family {family.name!r} is disabled ({family.disabled_reason}); enabling it needs "
            "override_disabled = true and a non-empty override_reason",
        )
    if not isinstance(source_id, str) or base_url is None:
        return None
    return SourceConfig(
        id=source_id,
        family=family.name,
        base_url=base_url,
        enabled=enabled is True,
        params=params,
        disabled_reason=None if enabled is True else family.disabled_reason or "disabled in the sources file",
        override_reason=override_reason if override is True else None,
        file=where,
        line=span[0],
    )


def load_sources(path: str | Path) -> list[SourceConfig]:
    """All sources of a file (enabled or not), in file order; raises SourcesFileError naming file:line."""
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesFileError(f"{where}: cannot read sources file: {exc}") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        raise SourcesFileError(f"{where}:{match.group(1) if match else '?'}: invalid TOML: {exc}") from exc
    entries = data.get("source", [])
    problems = [
        f"{where}:1: unknown top-level key {key!r}; only [[source]] tables are allowed"
        for key in data
        if key != "source"
    ]
    if not isinstance(entries, list) or not entries:
        problems.append(f"{where}:1: no [[source]] entries")
        raise SourcesFileError("\n".join(problems))
    lines = text.splitlines()
    sources: list[SourceConfig] = []
    seen: dict[str, int] = {}
    for entry, span in zip(entries, _entry_lines(text), strict=False):
        source = _parse_entry(entry, where, lines, span, problems)
        if source is None:
            continue
        if source.id in seen:
            problems.append(
                f"{where}:{span[0]}: duplicate source id {source.id!r} (first defined at line {seen[source.id]})"
            )
            continue
        seen[source.id] = span[0]
        sources.append(source)
    if problems:
        raise SourcesFileError("\n".join(problems))
    return sources
