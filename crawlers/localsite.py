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

One asyncio event loop on one daemon thread serves every site of the process (HTTP/1.1 keep-alive,
HEAD, conditional GET); a site's `stop()` closes its listening socket and its open connections.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import stat
import threading
import time
from collections.abc import Callable, Coroutine, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

from crawlers.warc import reason_phrase

T = TypeVar("T")
SERVER_NAME = "KhaosanLocalSite/0.2"
LISTEN_BACKLOG = 128
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
    once instead of on every request.
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
        resolved = _real_file(candidate)
        if resolved and resolved.startswith(inside) and os.path.basename(resolved) not in RESERVED_FILES:
            return Path(resolved)
    return None


def _real_file(path: str) -> str | None:
    """The symlink-free absolute path of a regular file, or None. ("..", and symlinks, may lead
    outside a site's root.) One lstat: the directory part comes from a cache, because
    os.path.realpath costs an lstat per path component on every request."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    if stat.S_ISLNK(mode):
        resolved = os.path.realpath(path)
        return resolved if os.path.isfile(resolved) else None
    if not stat.S_ISREG(mode):
        return None
    directory, name = os.path.split(path)
    return os.path.join(_real_directory(directory), name)


# A mirror's directories are created before it is served and never replaced by symlinks while it
# is, so their resolved paths can be kept (files are looked up afresh on every request).
@lru_cache(maxsize=4096)
def _real_directory(directory: str) -> str:
    return os.path.realpath(directory)


@lru_cache(maxsize=4096)
def http_date(seconds: int) -> str:
    """An HTTP date (RFC 9110 IMF-fixdate) for whole POSIX seconds."""
    return formatdate(seconds, usegmt=True)


@dataclass(frozen=True)
class RequestHead:
    method: str
    target: str  # path + "?" + query, as sent
    version: str
    headers: dict[str, str]  # names lower-cased; a repeated header keeps its first value

    @property
    def keep_alive(self) -> bool:
        connection = self.headers.get("connection", "").lower()
        if self.version == "HTTP/1.1":
            return "close" not in connection
        return "keep-alive" in connection


def parse_request_head(head: bytes) -> RequestHead | None:
    """The request line and headers of one HTTP/1.x request (ending in a blank line), or None when
    it is not one."""
    lines = head.decode("latin-1").split("\r\n")
    request_line = lines[0].split(" ")
    if len(request_line) != 3 or not request_line[2].startswith("HTTP/1."):
        return None
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if colon:
            headers.setdefault(name.strip().lower(), value.strip())
    method, target, version = request_line
    return RequestHead(method, target, version, headers)


class _ServerLoop:
    """One asyncio event loop, on one thread, serves every LocalSite of the process.

    A thread per connection (http.server's ThreadingHTTPServer, used before) cost 0.72 CPU-ms a
    request under a crawl's 16-32 keep-alive connections, most of it the threads contending for
    the GIL; in the benchmark the server shares its process with the flow that loads the database.
    """

    _lock = threading.Lock()
    _loop: asyncio.AbstractEventLoop | None = None

    @classmethod
    def run(cls, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine on the loop and wait for its result."""
        with cls._lock:
            if cls._loop is None:
                cls._loop = asyncio.new_event_loop()
                threading.Thread(target=cls._loop.run_forever, name="localsite", daemon=True).start()
            loop = cls._loop
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result()


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
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.StreamWriter] = set()
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

    def log(self, request: RequestHead, status: int | None) -> None:
        entry = LoggedRequest(
            target=request.target,
            method=request.method,
            status=status,
            if_none_match=request.headers.get("if-none-match"),
            if_modified_since=request.headers.get("if-modified-since"),
            user_agent=request.headers.get("user-agent"),
            at=time.time(),
        )
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

    def planned_response(self, request: RequestHead, rule: Rule | None) -> tuple[int, dict[str, str], bytes]:
        if rule and (rule.status is not None or rule.body is not None or rule.redirect_to):
            status = rule.status or (302 if rule.redirect_to else 200)
            headers = {"Content-Type": "text/html; charset=utf-8", **rule.headers}
            if rule.redirect_to:
                headers["Location"] = rule.redirect_to
            return status, headers, rule.body if rule.body is not None else f"status {status}".encode()
        extra = rule.headers if rule else {}
        static = self.static_file(request.target)
        if static is None:
            return 404, {"Content-Type": "text/html; charset=utf-8", **extra}, b"<h1>404 Not Found</h1>"
        headers = {
            "Content-Type": static.content_type,
            "ETag": static.etag,
            "Last-Modified": http_date(int(static.last_modified)),
            **static.headers,
            **extra,
        }
        if not_modified(static, request.headers):
            return 304, headers, b""
        return 200, headers, static.body

    def start(self, port: int = 0) -> LocalSite:
        """Listen on `port` when it is free (0: any free port), else on any free port."""
        try:
            self._server = _ServerLoop.run(self._listen(port))
        except OSError:
            self._server = _ServerLoop.run(self._listen(0))
        self._port = self._server.sockets[0].getsockname()[1]
        return self

    async def _listen(self, port: int) -> asyncio.Server:
        # The listen backlog: a crawl opens 16-32 connections at once, and while the server is busy
        # the kernel drops the SYNs beyond the backlog (socketserver's default was 5); the client
        # resends them only after 1 s, which the tests' 1 s DOWNLOAD_TIMEOUT turned into a flaky
        # extra retry.
        return await asyncio.start_server(
            self._serve_connection, self.host, port, backlog=LISTEN_BACKLOG, reuse_address=True
        )

    def stop(self) -> None:
        if self._server is not None:
            _ServerLoop.run(self._close(self._server))
            self._server = None

    async def _close(self, server: asyncio.Server) -> None:
        server.close()
        for writer in list(self._connections):  # keep-alive connections would outlive the server
            writer.transport.abort()
        await server.wait_closed()

    def __enter__(self) -> LocalSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    async def _serve_connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Answer the requests of one connection in turn until either side closes it. (asyncio sets
        TCP_NODELAY, and each answer goes out in one write, so none waits for a delayed ACK.)"""
        self._connections.add(writer)
        try:
            while await self._answer(reader, writer):
                pass
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass  # the client hung up (timeouts, cancelled downloads) or sent an oversized header
        finally:
            self._connections.discard(writer)
            writer.close()

    async def _answer(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        """Read one request and answer it; True when the connection stays open for the next."""
        request = parse_request_head(await reader.readuntil(b"\r\n\r\n"))
        if request is None:
            writer.write(response_head(400, {}, 0, close=True))
            return False
        length = request.headers.get("content-length", "")
        if length.isdigit():
            await reader.readexactly(int(length))  # a body is never used, but must be read past
        rule = self.take_rule(request.target)
        if rule and rule.delay_s:
            await asyncio.sleep(rule.delay_s)
        if rule and rule.drop_connection:
            self.log(request, None)
            return False
        if rule and rule.stream is not None:
            self.log(request, rule.status or 200)
            await self._send_stream(writer, request, rule)
            return False
        status, headers, body = self.planned_response(request, rule)
        self.log(request, status)  # before sending, so a client that got the answer sees it logged
        keep_alive = request.keep_alive
        send_body = request.method != "HEAD" and status != 304
        writer.write(
            response_head(status, headers, len(body), close=not keep_alive) + (body if send_body else b"")
        )
        await writer.drain()
        return keep_alive

    @staticmethod
    async def _send_stream(writer: asyncio.StreamWriter, request: RequestHead, rule: Rule) -> None:
        """A close-delimited body (no Content-Length): the client learns its size only by reading."""
        assert rule.stream is not None
        headers = {"Content-Type": "text/html; charset=utf-8", **rule.headers}
        writer.write(response_head(rule.status or 200, headers, None, close=True))
        if request.method != "HEAD":
            for chunk in rule.stream():
                writer.write(chunk)
                await writer.drain()  # raises once the client gives up reading an oversized body
        await writer.drain()


def not_modified(static: StaticFile, request_headers: dict[str, str]) -> bool:
    """Whether a conditional GET's validators (lower-cased header names) match the file."""
    if_none_match = request_headers.get("if-none-match")
    if if_none_match is not None:
        return (
            static.etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match.strip() == "*"
        )
    if_modified_since = request_headers.get("if-modified-since")
    if if_modified_since:
        try:
            return static.last_modified <= parsedate_to_datetime(if_modified_since).timestamp()
        except (TypeError, ValueError):
            return False
    return False


def response_head(status: int, headers: dict[str, str], length: int | None, *, close: bool) -> bytes:
    """Status line and headers; `length` None for a close-delimited body."""
    lines = [
        f"HTTP/1.1 {status} {reason_phrase(status)}",
        f"Server: {SERVER_NAME}",
        f"Date: {http_date(int(time.time()))}",
        *(f"{name}: {value}" for name, value in headers.items()),
    ]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    if close:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


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
