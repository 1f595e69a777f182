"""A local web server for mirrored family sites, used by the crawl tests, the benchmark and the demo.

Each site is served at the ROOT of its own 127.0.0.1 port (chosen free by the OS), from a directory
laid out like a `wget --mirror` of the site:

    URL                                   file under the site directory
    /                                     index.html
    /category/news/                       category/news/index.html
    /th/news/detail/12                    th/news/detail/12  (or th/news/detail/12.html, or …/12/index.html)
    /th/news?page=0                       th/news?page=0     (literal "?" in the name; or …?page=0.html)

Percent-encoded paths are decoded first, so Thai slugs are plain Thai file names. A site directory
with a `routes.json` ({path+query: file, or {"file": …, "headers": {…}}}) is served from that table
only (anything unlisted is a 404): the demo mirror uses it because its file names carry no "?". Content type comes
from the suffix (.html .xml .txt .json) or, for suffix-less files, from the first bytes (XML: RSS,
Atom or generic; anything else: HTML). An optional `_site.json` in the site directory sets
`"charset"` (added to text types; default "utf-8"; null sends no charset parameter), `"headers"`
({path+query: {header: value}} replacing headers of single files, e.g. a page served without its
charset) and `"source"` (the [[source]] table the demo/tests use for this site; see `sources_toml`).
`_site.json` and `expected.json` are never served. Static files get an ETag and Last-Modified and
answer conditional GETs with 304.

Fault injection for tests (`LocalSite.add_rule`): per path+query status code, headers (e.g.
Retry-After), body, delay, redirect, dropped connection, a streamed body generated on the fly (sent
without Content-Length, the connection closing at its end, so a client cannot refuse it up front),
applied a limited number of times if asked.
Every request is logged (`LocalSite.requests`) with its conditional headers and the status sent.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

RESERVED_FILES = frozenset({"_site.json", "expected.json", "routes.json"})
SUFFIX_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xml": "application/xml",
    ".txt": "text/plain",
    ".json": "application/json",
}


@dataclass
class Rule:
    """What to do instead of serving the file at a path; `times=None` applies forever."""

    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    delay_s: float = 0.0
    redirect_to: str | None = None
    drop_connection: bool = False
    stream: Callable[[], Iterable[bytes]] | None = None  # chunks, generated while sending
    times: int | None = None


@dataclass(frozen=True)
class LoggedRequest:
    target: str  # path + "?" + query, as sent
    method: str
    status: int | None  # None when the connection was dropped
    if_none_match: str | None
    if_modified_since: str | None
    user_agent: str | None
    at: float


@dataclass(frozen=True)
class StaticFile:
    body: bytes
    content_type: str
    etag: str
    last_modified: float
    headers: dict[str, str] = field(default_factory=dict)  # per-file headers from _site.json / routes.json


def load_routes(root: Path) -> dict[str, tuple[str, dict[str, str]]] | None:
    """routes.json as {target: (relative file, headers)}, or None when the site has no route table."""
    routes_file = root / "routes.json"
    if not routes_file.is_file():
        return None
    table = json.loads(routes_file.read_text(encoding="utf-8"))
    return {
        target: (entry, {}) if isinstance(entry, str) else (entry["file"], dict(entry.get("headers", {})))
        for target, entry in table.items()
    }


def site_settings(root: Path) -> dict:
    settings_file = root / "_site.json"
    return json.loads(settings_file.read_text(encoding="utf-8")) if settings_file.is_file() else {}


def sniff_content_type(path: Path, head: bytes) -> str:
    """XML by content first (WordPress serves /feed/ from a directory index), then by suffix."""
    start = head.lstrip()[:600].lower()
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<urlset", b"<sitemapindex")):
        if b"<rss" in start:
            return "application/rss+xml"
        if b"<feed" in start:
            return "application/atom+xml"
        return "application/xml"
    suffix = path.suffix.lower() if "?" not in path.name else ""
    return SUFFIX_TYPES.get(suffix, "text/html")


def resolve_file(root: Path, target: str, root_resolved: Path | None = None) -> Path | None:
    """The mirror file for a request target, or None (also for anything outside `root`).

    `root_resolved` is `root.resolve()` when the caller already has it: a server resolves its root
    once instead of on every request (that is a syscall per path component).
    """
    # Plain strings and os.path, not pathlib: this runs for every request the benchmark's 63k-page
    # crawl makes, in the process that also loads the database.
    parts = urlsplit(target)
    relative = unquote(parts.path).lstrip("/")
    base = os.path.join(root, relative)
    if parts.query:
        candidates = [f"{base}?{parts.query}", f"{base}?{parts.query}.html"]
    elif not relative or relative.endswith("/"):
        candidates = [os.path.join(base, "index.html")]
    else:
        candidates = [base, f"{base}.html", os.path.join(base, "index.html")]
    inside = str(root_resolved or root.resolve()) + os.sep
    for candidate in candidates:
        if not os.path.isfile(candidate):  # one stat; most requests stop at the first candidate
            continue
        resolved = os.path.realpath(candidate)  # "..", and symlinks, may lead outside the root
        if resolved.startswith(inside) and os.path.basename(resolved) not in RESERVED_FILES:
            return Path(resolved)
    return None


class LocalSite:
    """One mirrored site on its own port; `with LocalSite(root) as site: site.base_url`."""

    def __init__(self, root: Path | None = None, host: str = "127.0.0.1") -> None:
        self.root = Path(root) if root else None
        self.host = host
        self.requests: list[LoggedRequest] = []
        self._rules: dict[str, Rule] = {}
        self._lock = threading.Lock()
        settings = site_settings(self.root) if self.root else {}
        self.charset: str | None = settings.get("charset", "utf-8")
        self.file_headers: dict[str, dict[str, str]] = settings.get("headers", {})
        self.routes = load_routes(self.root) if self.root else None
        self._root_resolved = self.root.resolve() if self.root else None
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._port: int | None = None

    @property
    def base_url(self) -> str:
        """http://host:port; still answers after stop() so tests can inspect what happened."""
        assert self._port is not None, "site not started"
        return f"http://{self.host}:{self._port}"

    def url(self, target: str) -> str:
        return self.base_url + target

    def add_rule(self, target: str, **rule: object) -> None:
        """Override the response for an exact path+query, e.g. add_rule("/x", status=429, headers={"Retry-After": "1"}, times=1)."""
        with self._lock:
            self._rules[target] = Rule(**rule)  # type: ignore[arg-type]

    def requested(self, target: str) -> list[LoggedRequest]:
        with self._lock:
            return [r for r in self.requests if r.target == target]

    def take_rule(self, target: str) -> Rule | None:
        with self._lock:
            rule = self._rules.get(target)
            if rule is None:
                return None
            if rule.times is not None:
                rule.times -= 1
                if rule.times <= 0:
                    del self._rules[target]
            return rule

    def log(self, entry: LoggedRequest) -> None:
        with self._lock:
            self.requests.append(entry)

    def static_file(self, target: str) -> StaticFile | None:
        if self.root is None:
            return None
        headers = dict(self.file_headers.get(target, {}))
        if self.routes is not None:
            route = self.routes.get(target) or self.routes.get(unquote(target))
            if route is None:
                return None
            relative, route_headers = route
            path = resolve_file(self.root, "/" + relative, self._root_resolved)
            headers.update(route_headers)
        else:
            path = resolve_file(self.root, target, self._root_resolved)
        if path is None:
            return None
        with open(path, "rb") as handle:
            body = handle.read()
            modified = int(os.fstat(handle.fileno()).st_mtime)
        content_type = sniff_content_type(path, body[:600])
        if self.charset and (content_type.startswith("text/") or content_type.endswith("xml")):
            content_type += f"; charset={self.charset}"
        etag = '"' + hashlib.sha1(body, usedforsecurity=False).hexdigest()[:20] + '"'
        return StaticFile(body, content_type, etag, modified, headers)

    def start(self, port: int = 0) -> LocalSite:
        """Listen on `port` when it is free (0: any free port), else on any free port."""
        handler = type("BoundHandler", (SiteRequestHandler,), {"site": self})
        try:
            self._server = QuietThreadingHTTPServer((self.host, port), handler)
        except OSError:
            self._server = QuietThreadingHTTPServer((self.host, 0), handler)
        self._port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name=f"localsite-{self.base_url}", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> LocalSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class QuietThreadingHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # socketserver's default listen backlog is 5. A crawl opens 16-32 connections at once; when the
    # accepting thread is slow to run, the kernel drops the extra SYNs and the client resends them
    # only after 1 s, which the tests' 1 s DOWNLOAD_TIMEOUT turned into a flaky extra retry.
    request_queue_size = 128

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that hang up mid-response (timeouts, cancelled downloads) are expected here."""


class SiteRequestHandler(BaseHTTPRequestHandler):
    site: LocalSite
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle's algorithm the body waited for the client's
    # delayed ACK, 40 ms on every keep-alive response (3,000 pages: 131 s, now 2 s).
    disable_nagle_algorithm = True
    server_version = "KhaosanLocalSite/0.1"

    def log_message(self, format: str, *args: object) -> None:
        """Silence the per-request stderr line; requests are logged in LocalSite.requests."""

    def do_HEAD(self) -> None:
        self.respond(send_body=False)

    def do_GET(self) -> None:
        self.respond(send_body=True)

    def respond(self, send_body: bool) -> None:
        target = self.path
        rule = self.site.take_rule(target)
        if rule and rule.delay_s:
            time.sleep(rule.delay_s)
        if rule and rule.drop_connection:
            self.record(target, None)
            self.close_connection = True
            return
        if rule and rule.stream is not None:
            self.record(target, rule.status or 200)
            self.send_stream(rule, send_body)
            return
        status, headers, body = self.planned_response(target, rule)
        self.record(target, status)  # before sending, so a client that got the answer sees it logged
        self.send(status, headers, body, send_body)

    def planned_response(self, target: str, rule: Rule | None) -> tuple[int, dict[str, str], bytes]:
        if rule and (rule.status is not None or rule.body is not None or rule.redirect_to):
            status = rule.status or (302 if rule.redirect_to else 200)
            headers = {"Content-Type": "text/html; charset=utf-8", **rule.headers}
            if rule.redirect_to:
                headers["Location"] = rule.redirect_to
            return status, headers, rule.body if rule.body is not None else f"status {status}".encode()
        extra = rule.headers if rule else {}
        static = self.site.static_file(target)
        if static is None:
            return 404, {"Content-Type": "text/html; charset=utf-8", **extra}, b"<h1>404 Not Found</h1>"
        headers = {
            "Content-Type": static.content_type,
            "ETag": static.etag,
            "Last-Modified": formatdate(static.last_modified, usegmt=True),
            **static.headers,
            **extra,
        }
        if self.not_modified(static):
            return 304, headers, b""
        return 200, headers, static.body

    def not_modified(self, static: StaticFile) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            return (
                static.etag in [tag.strip() for tag in if_none_match.split(",")]
                or if_none_match.strip() == "*"
            )
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since:
            try:
                return static.last_modified <= parsedate_to_datetime(if_modified_since).timestamp()
            except (TypeError, ValueError):
                return False
        return False

    def send(self, status: int, headers: dict[str, str], body: bytes, send_body: bool) -> None:
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body and status != 304:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def send_stream(self, rule: Rule, send_body: bool) -> None:
        """A close-delimited body (no Content-Length): the client learns its size only by reading."""
        assert rule.stream is not None
        self.close_connection = True
        try:
            self.send_response(rule.status or 200)
            for name, value in {"Content-Type": "text/html; charset=utf-8", **rule.headers}.items():
                self.send_header(name, value)
            self.send_header("Connection", "close")
            self.end_headers()
            if send_body:
                for chunk in rule.stream():
                    self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up reading, as it should for an oversized body

    def record(self, target: str, status: int | None) -> None:
        self.site.log(
            LoggedRequest(
                target=target,
                method=self.command,
                status=status,
                if_none_match=self.headers.get("If-None-Match"),
                if_modified_since=self.headers.get("If-Modified-Since"),
                user_agent=self.headers.get("User-Agent"),
                at=time.time(),
            )
        )


def site_directories(root_dir: Path) -> list[Path]:
    return sorted(p for p in Path(root_dir).iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


@contextmanager
def serve_site(root: Path) -> Iterator[LocalSite]:
    with LocalSite(root) as site:
        yield site


@contextmanager
def serve_sites(root_dir: Path, first_port: int = 0) -> Iterator[dict[str, str]]:
    """Serve every subdirectory of `root_dir` on its own port; yields {site_name: base_url}.

    With `first_port`, sites get consecutive ports from it (in name order) when those are free, so
    their URLs, and therefore the crawl state keyed by them, stay the same from run to run.
    """
    sites = {
        path.name: LocalSite(path).start(first_port + i if first_port else 0)
        for i, path in enumerate(site_directories(root_dir))
    }
    try:
        yield {name: site.base_url for name, site in sites.items()}
    finally:
        for site in sites.values():
            site.stop()


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid TOML basic string


def sources_toml(root_dir: Path, base_urls: dict[str, str]) -> str:
    """A sources file for served sites: one [[source]] per site, id = directory name, family and
    parameters from the site's `_site.json` "source" table (family defaults to the directory name)."""
    blocks = []
    for name, base_url in base_urls.items():
        source = {"family": name, **site_settings(Path(root_dir) / name).get("source", {})}
        lines = ["[[source]]", f"id = {_toml_value(name)}", f"base_url = {_toml_value(base_url)}"]
        lines += [f"{key} = {_toml_value(value)}" for key, value in source.items()]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)
