"""Raw archive: every fetched article (and listing) response as a gzip WARC response record plus its
request record, so extraction can be re-run without crawling.

Files are `khaosan-<run>-<n>.warc.gz` under the WARC directory, rotated at `max_file_bytes`. Each
record is its own gzip member and is flushed at once, so a killed crawl leaves readable files. warcio
builds and serialises the records; this module gzips each one itself at GZIP_LEVEL, because warcio
always compresses at level 9: on 16 KB Thai article pages level 9 took 1.35 CPU-ms per page, level 6
0.71 and level 4 0.35, for archives 0.225, 0.227 and 0.252 of the raw size. The
stored payload is the body as Scrapy delivered it, i.e. after Content-Encoding was undone; the
Content-Encoding/Transfer-Encoding headers are therefore dropped and Content-Length set to the stored
length, keeping the record self-consistent.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

DEFAULT_MAX_FILE_BYTES = 1 << 30
GZIP_LEVEL = 4  # a quarter of level 9's CPU for an archive ~10 % larger (module docstring)
_DROPPED_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})


@dataclass(frozen=True)
class WarcLocation:
    warc_file: str  # relative to the WARC directory
    offset: int
    length: int


class WarcArchive:
    """Appends response/request record pairs to rotating gzip WARC files."""

    def __init__(self, warc_dir: Path, run_id: str, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES) -> None:
        self.warc_dir = Path(warc_dir)
        self.run_id = run_id
        self.max_file_bytes = max_file_bytes
        self._index = 0
        self._handle: BinaryIO | None = None
        self._name = ""
        # warcio serialises uncompressed records into this buffer; _member gzips them.
        self._buffer = io.BytesIO()
        self._writer = WARCWriter(self._buffer, gzip=False)

    def _open_next(self) -> None:
        self.close()
        self.warc_dir.mkdir(parents=True, exist_ok=True)
        self._index += 1
        self._name = f"khaosan-{self.run_id}-{self._index:05d}.warc.gz"
        self._handle = (self.warc_dir / self._name).open("ab")

    def _member(self, record: ArcWarcRecord) -> bytes:
        """The record as one complete gzip member."""
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.write_record(record)
        compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)  # +16: gzip framing
        return compressor.compress(self._buffer.getvalue()) + compressor.flush()

    def write(
        self,
        url: str,
        status: int,
        response_headers: list[tuple[str, str]],
        body: bytes,
        request_method: str = "GET",
        request_headers: list[tuple[str, str]] | None = None,
    ) -> WarcLocation:
        if self._handle is None or self._handle.tell() >= self.max_file_bytes:
            self._open_next()
        assert self._handle is not None
        headers = [(k, v) for k, v in response_headers if k.lower() not in _DROPPED_HEADERS]
        headers.append(("Content-Length", str(len(body))))
        http_headers = StatusAndHeaders(f"{status} {reason_phrase(status)}", headers, protocol="HTTP/1.1")
        response = self._writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http_headers
        )
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "") or "/"
        request_line = StatusAndHeaders(
            f"{request_method} {target} HTTP/1.1",
            [("Host", parts.netloc), *(request_headers or [])],
            is_http_request=True,
        )
        # length=0: without it warcio spools the empty payload to a temporary file to measure it
        request = self._writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""), length=0, http_headers=request_line
        )
        request.rec_headers.add_header(
            "WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID")
        )
        response_member = self._member(response)
        request_member = self._member(request)
        offset = self._handle.tell()
        self._handle.write(response_member)
        self._handle.write(request_member)
        self._handle.flush()
        return WarcLocation(self._name, offset, len(response_member))

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
        self._handle = None


def reason_phrase(status: int) -> str:
    """The status line's reason phrase; "Unknown" for a status HTTP does not define."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


class HttpHeaders(dict[str, str]):
    """HTTP headers keyed by lower-cased name; lookups ignore case (headers["Content-Type"] works)."""

    def __getitem__(self, name: str) -> str:
        return super().__getitem__(name.lower())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and super().__contains__(name.lower())

    def get(self, name: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return super().get(name.lower(), default)


def read_html(warc_dir: str | Path, warc_file: str, offset: int) -> tuple[str, HttpHeaders, bytes]:
    """Read the response record at `offset`: (target URL, HTTP headers, body bytes).

    Header lookups are case-insensitive; repeated headers are joined with ", ". Raises ValueError
    when no response record starts there, or when the record is truncated or damaged (a crawl killed
    while writing leaves a short last gzip member): a partial body is never returned. Records before
    a damaged one are separate gzip members and read normally.
    """
    path = Path(warc_dir) / warc_file
    with path.open("rb") as handle:
        handle.seek(offset)
        try:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response":
                    break
                headers = HttpHeaders()
                for name, value in record.http_headers.headers:
                    key = name.lower()
                    headers[key] = f"{headers[key]}, {value}" if key in headers else value
                body = record.content_stream().read()
                declared = headers.get("Content-Length")  # the archive writes the stored length
                if declared is not None and declared.isdigit() and int(declared) != len(body):
                    raise EOFError(f"body has {len(body)} of {declared} bytes")
                return record.rec_headers.get_header("WARC-Target-URI"), headers, body
        except Exception as exc:  # warcio/zlib raise many types on a cut or corrupt member
            raise ValueError(
                f"WARC record at offset {offset} of {path} is truncated or damaged "
                f"({type(exc).__name__}: {exc}); a crawl stopped while writing leaves this: "
                "re-crawl the page (records before it in the file are intact)"
            ) from exc
    raise ValueError(
        f"no WARC response record at offset {offset} of {warc_file}: the offset is wrong or the file "
        "ends before it (a crawl stopped while writing); re-crawl the page"
    )
