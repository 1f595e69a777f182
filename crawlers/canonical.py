"""Canonical URLs: the identity of an article across crawls.

Two URLs that fetch the same page must canonicalise to the same string, because KNOWN.json and the
store key articles by it. Rules: scheme and host lowercased (IDNA for non-ASCII hosts), default
ports dropped, fragment dropped, tracking parameters (utm_*, fbclid, gclid, …) dropped, remaining
query parameters sorted by key then value (blank values kept), percent-encoding normalised by
w3lib (non-ASCII paths such as Thai WordPress slugs become upper-case %XX), empty path -> "/".
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url as w3lib_canonicalize

TRACKING_PARAMS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid"})
DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in TRACKING_PARAMS


# A crawl canonicalises each discovered link several times within one listing callback (origin check,
# known-article check, scheduling, the origin guard); a bounded cache makes the repeats nearly free
# (a call costs ~50 µs). 16k entries hold many listing pages' links in a few MB.
@lru_cache(maxsize=1 << 14)
def canonical_url(url: str) -> str:
    """Return the canonical form of an absolute http(s) URL (other strings are returned stripped)."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in DEFAULT_PORTS or not parts.hostname:
        return url
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)]
    stripped = urlunsplit((parts.scheme, parts.netloc, parts.path or "/", urlencode(query), ""))
    normalised = urlsplit(w3lib_canonicalize(stripped, keep_blank_values=True))
    scheme = normalised.scheme.lower()
    host = (normalised.hostname or "").lower()
    port = normalised.port
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, normalised.path or "/", normalised.query, ""))


def without_tracking(url: str) -> str:
    """The URL to fetch: tracking parameters and fragment removed, everything else as the site wrote it
    (old CMSs can be picky about parameter order, so fetching does not use the sorted canonical form)."""
    parts = urlsplit(url.strip())
    if not parts.query and not parts.fragment:
        return url.strip()
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def origin(url: str) -> str:
    """scheme://host[:port] of a URL with default ports dropped: the unit of 'on-site'."""
    parts = urlsplit(canonical_url(url))
    return f"{parts.scheme}://{parts.netloc}"


def path_and_query(url: str) -> str:
    """The part of a URL that family article patterns are matched against ("/path?query")."""
    parts = urlsplit(url)
    return f"{parts.path or '/'}?{parts.query}" if parts.query else parts.path or "/"
