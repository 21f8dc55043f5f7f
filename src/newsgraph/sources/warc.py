"""WARC files (``.warc``, ``.warc.gz``) to HTML pages, streamed with FastWARC one record at a time.

Only ``response`` records whose HTTP Content-Type is HTML (or absent) become pages; requests, metadata, images,
scripts and the like are skipped silently: a crawl holds them by design. Each page carries the target URL (the
``<…>`` brackets wget writes removed), the crawl time (``WARC-Date`` → ISO 8601) and the charset the HTTP header
declares, checked against the bytes. Its origin is ``path#offset``, the record's byte offset in the file (in the
compressed file for ``.warc.gz``), so a record can be found again with ``dd``/``seek``.

Damage is data, not an exception (codes in :mod:`newsgraph.sources`):

* ``warc_truncated`` (fatal) — the file ends inside a record (or inside a gzip member): the records before the
  damage are kept, then one Rejected, then the file ends.
* ``warc_bad_record`` (fatal) — a record whose header cannot be parsed, or gzip data that does not inflate; the
  reader skips to the next record boundary (next gzip member, or the next ``WARC/1.`` line) and goes on.
* a declared ``Content-Length`` the file cannot hold (a plain WARC shorter than it), or a block that holds the next
  record's header (a record cut short mid-file): ``warc_truncated`` for that record, and reading resumes at the
  next ``WARC/1.x`` header, so the records after it are kept and their offsets stay true.
* ``too_large`` — an HTML body over the size cap, before or after undoing gzip/deflate (inflated in a stream that
  stops at the cap); ``not_html`` — a body that is binary although labelled HTML;
  ``http_status`` — a response that is not 2xx (redirects, errors); ``empty_input`` — an empty body. Not fatal.
* ``body_truncated`` (fatal) — a gzip/deflate-encoded body that stops before its end-of-stream marker (the download
  was cut mid-stream): its beginning would pass for a whole, shorter article, so the page is not kept; the records
  after it are read as usual.
"""
from __future__ import annotations

import os
import re
import zlib
from datetime import datetime
from pathlib import Path
from typing import IO, Callable, Generator, Iterator, Optional, Union

from ..errors import MissingExtra
from ..model import Page, Rejected
from .bounds import MAX_INPUT_BYTES, TooLarge
from .decode import DecodeError, detect_encoding, looks_binary, normalise_charset

Item = Union[Page, Rejected]

MAX_BODY_BYTES = MAX_INPUT_BYTES  # a news page is well under 1 MB; more is a dump, a feed or an attack
HTML_TYPES = ("text/html", "application/xhtml+xml")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_PLAIN_MAGIC = b"WARC/1."
_SCAN_CHUNK = 1 << 20


def read_warc(path: Union[str, Path], *, max_bytes: int = MAX_BODY_BYTES) -> Iterator[Item]:
    """Yield a Page per HTML response record of the WARC at ``path``, and a Rejected per damaged record."""
    try:
        from fastwarc.warc import ArchiveIterator  # noqa: F401  (optional dependency, checked here)
    except ImportError as exc:
        raise MissingExtra("fastwarc", "warc") from exc
    path = Path(path)
    with open(path, "rb") as stream:
        yield from _WarcReader(stream, str(path), max_bytes).items()


class _WarcReader:
    """Iterates records, restarting FastWARC after a record it cannot parse (it cannot resynchronise itself)."""

    def __init__(self, stream: IO[bytes], origin: str, max_bytes: int):
        head = stream.read(2)
        self.size = stream.seek(0, 2)
        stream.seek(0)
        self.stream, self.origin, self.max_bytes = stream, origin, max_bytes
        self.gzipped = head == _GZIP_MAGIC[:2]

    def items(self) -> Iterator[Item]:
        start: Optional[int] = 0
        while start is not None:
            start = yield from self._run_from(start)

    def _run_from(self, start: int) -> Generator[Item, None, Optional[int]]:
        """Yield the items from ``start``; return where to restart after damage, or None when done."""
        from fastwarc.warc import ArchiveIterator

        self.stream.seek(start)
        last: Optional[int] = None  # offset of the last record read since this (re)start
        try:
            for record in ArchiveIterator(self.stream, parse_http=False, auto_decode="none"):
                last = record.stream_pos
                declared = record.headers.get("Content-Length") or ""
                if not declared.strip().isdigit():
                    # FastWARC lost the record's extent: a header cut off by the end of the file, or garbage.
                    return (yield from self._damage(last, f"record header without a valid Content-Length "
                                                          f"({declared!r})"))
                where = f"{self.origin}#{last}"
                damage = self._implausible_length(last, int(declared.strip()))
                if damage:
                    return (yield from self._cut_short(last, damage))
                item = self._record(record, where)
                if isinstance(item, _Glued):
                    return (yield from self._cut_short(last, item.why))
                if item is not None:
                    yield item
                    if isinstance(item, Rejected) and item.code == "warc_truncated":
                        return None
        except OSError as exc:
            return (yield from self._damage(last if last is not None else start, str(exc)))
        where = last if last is not None else start
        damage = self._gzip_damage(where) if self.gzipped else None
        if damage is not None:
            return (yield from self._damage(damage, "a gzip member that does not inflate to its end"))
        return None

    def _damage(self, offset: int, why: str) -> Generator[Item, None, Optional[int]]:
        """Report damage at or just after ``offset``; return the next record boundary (None: the file ends)."""
        restart = self._next_boundary(offset + 1)
        if restart is None:
            yield Rejected(f"{self.origin}#{offset}", "warc_truncated",
                           f"the file ends in damaged or cut-off data after offset {offset}: {why}", fatal=True)
        else:
            yield Rejected(f"{self.origin}#{offset}", "warc_bad_record",
                           f"unreadable WARC data at or after offset {offset} ({why}); resumed at offset "
                           f"{restart}", fatal=True)
        return restart

    def _implausible_length(self, offset: int, declared: int) -> Optional[str]:
        """Why a declared Content-Length cannot be right (the file is too short to hold it), or None.

        Checked before reading: FastWARC would otherwise read (or skip) that many bytes, swallowing every later
        record of the file. In a ``.warc.gz`` the length counts inflated bytes, so only a length over the cap is
        checked, and the record is passed by resynchronising on the next gzip member."""
        if self.gzipped:
            return f"declares {declared:,} bytes, over the cap of {self.max_bytes:,}" \
                if declared > self.max_bytes else None
        if offset + declared > self.size:
            return f"declares {declared:,} bytes; the file holds {max(self.size - offset, 0):,} from its start"
        return None

    def _cut_short(self, offset: int, why: str) -> Generator[Item, None, Optional[int]]:
        """A record whose declared length is wrong: report it and resume at the next record header after it."""
        restart = self._next_boundary(offset + 1)
        if restart is None:
            yield Rejected(f"{self.origin}#{offset}", "warc_truncated",
                           f"the record {why}: the file ends inside it", fatal=True)
        else:
            code = "too_large" if self.gzipped and "over the cap" in why else "warc_truncated"
            yield Rejected(f"{self.origin}#{offset}", code, f"the record {why}; resumed at the next record, offset "
                           f"{restart}", fatal=code != "too_large")
        return restart

    def _record(self, record, where: str) -> Optional[Item]:
        kind = str(record.record_type)
        if kind == "unknown" or not record.headers.get("WARC-Type"):
            record.reader.consume()
            return Rejected(where, "warc_bad_record", "the record header has no WARC-Type", fatal=True)
        if kind != "response":
            record.reader.consume()
            return None
        return _response(record, where, self.max_bytes, self._ends_mid_record)

    def _ends_mid_record(self, offset: int, size: int) -> bool:
        """Whether the plain-WARC record at ``offset`` declaring ``size`` bytes ends somewhere other than a record
        boundary (the end of the file, or a blank line and the next ``WARC/`` line). A page that merely quotes a
        WARC header in its text ends on a boundary and is kept. Read with ``pread``: FastWARC owns the stream."""
        if self.gzipped:
            return False  # offsets count compressed bytes; a record cut inside its gzip member fails to inflate
        fd = self.stream.fileno()
        head = os.pread(fd, 1 << 16, offset)
        end_of_header = head.find(b"\r\n\r\n")
        if end_of_header == -1:
            return True
        end = offset + end_of_header + 4 + size
        tail = os.pread(fd, 16, end)
        return not (tail.strip(b"\r\n") == b"" and end + len(tail) >= self.size
                    or tail.lstrip(b"\r\n").startswith(b"WARC/"))

    def _next_boundary(self, after: int) -> Optional[int]:
        """Offset of the next record start at or after ``after`` (a verified gzip member or a ``WARC/1.`` line)."""
        magic = _GZIP_MAGIC if self.gzipped else _PLAIN_MAGIC
        pos = after
        while True:
            self.stream.seek(pos)
            chunk = self.stream.read(_SCAN_CHUNK + len(magic))
            if len(chunk) < len(magic):
                return None
            found = chunk.find(magic)
            while found != -1:
                if self._starts_record(pos + found):
                    return pos + found
                found = chunk.find(magic, found + 1)
            pos += _SCAN_CHUNK

    def _starts_record(self, offset: int) -> bool:
        self.stream.seek(offset)
        head = self.stream.read(4096)
        if not self.gzipped:
            return offset == 0 or _preceded_by_newline(self.stream, offset) or bool(_NEXT_HEADER.match(head))
        try:
            return zlib.decompressobj(31).decompress(head, 16).startswith(b"WARC/")
        except zlib.error:
            return False

    def _gzip_damage(self, offset: int) -> Optional[int]:
        """Where the first gzip member from ``offset`` on fails to inflate to its end (None: all complete).

        FastWARC stops quietly at a member it cannot inflate; this finds it, so the reader can resume after it.
        Inflated bytes are discarded as they come (``max_length``), so a bomb costs time, never memory."""
        self.stream.seek(offset)
        start, fed = offset, 0  # where the current member began; bytes of it given to the inflater so far
        inflater = zlib.decompressobj(31)
        while True:
            data = self.stream.read(_SCAN_CHUNK)
            if not data:
                return start if fed and not inflater.eof else None
            while data:
                try:
                    inflater.decompress(data, _SCAN_CHUNK)
                except zlib.error:
                    return start
                if inflater.eof:
                    rest = inflater.unused_data
                    stripped = rest.lstrip(b"\x00")  # NUL padding between members is allowed
                    start += fed + len(data) - len(rest) + len(rest) - len(stripped)
                    fed, data, inflater = 0, stripped, zlib.decompressobj(31)
                else:
                    tail = inflater.unconsumed_tail
                    fed += len(data) - len(tail)
                    data = tail


def _preceded_by_newline(stream: IO[bytes], offset: int) -> bool:
    stream.seek(offset - 1)
    return stream.read(1) == b"\n"


class _Glued:
    """Marks a record whose block holds the start of the next record; the reader resynchronises on it."""

    def __init__(self, why: str):
        self.why = why


# A WARC header at a line start inside a block: the version line, then header lines up to a WARC-Type.
# Not anchored to a line start: a record cut mid-line has the next one's version line glued to its last bytes.
_NEXT_HEADER = re.compile(rb"WARC/1\.[01]\r?\n(?:[\x21-\x39\x3b-\x7e]+:[^\r\n]*\r?\n){0,20}?WARC-Type:")
# The start of a version line after a line end, possibly cut by the block's end ("\r\nWARC/1.0\r\nWARC-Ty", "\nWAR").
_VERSION_LINE = re.compile(rb"\n(?:WARC/1\.[01]\r?\n|W(?:A(?:R(?:C(?:/(?:1(?:\.[01]?)?)?)?)?)?)?\Z)")


def _response(record, where: str, max_bytes: int, ends_mid_record: Callable[[int, int], bool]):
    """One response record to a Page, a Rejected, or None for a non-HTML resource (skipped silently)."""
    size = record.content_length
    if size > max_bytes:
        record.reader.consume()
        return Rejected(where, "too_large", f"record of {size:,} bytes is over the cap of {max_bytes:,}")
    block = record.reader.read()
    if len(block) < size:
        return Rejected(where, "warc_truncated", f"record declares {size:,} bytes, the file holds "
                        f"{len(block):,}: the file was cut short", fatal=True)
    glued = _NEXT_HEADER.search(block)
    if (glued or _VERSION_LINE.search(block)) and ends_mid_record(record.stream_pos, size):
        # The declared length runs into the next record: this one was cut short and another written after it.
        # The next header may itself be cut by the block's end ("WARC/1.0\r\nWARC-Ty"), so once the record is
        # known not to end on a boundary, a version line alone is enough.
        at = glued.start() if glued else _VERSION_LINE.search(block).start()
        return _Glued(f"declares {size:,} bytes, but the next record's header begins {at:,} bytes "
                      f"into it (the record was cut short)")
    status, headers, body = split_http(block)
    if status is None:
        return Rejected(where, "warc_bad_record", "the response block is not an HTTP response", fatal=True)
    ctype = headers.get("content-type", "")
    if ctype and ctype.split(";", 1)[0].strip().lower() not in HTML_TYPES:
        return None
    if not 200 <= status < 300:
        return Rejected(where, "http_status", f"HTTP status {status}")
    try:
        body = _decoded_body(body, headers, max_bytes)
    except TooLarge as exc:
        return Rejected(where, "too_large", f"the {headers.get('content-encoding')} body {exc}")
    except BodyCut as exc:
        return Rejected(where, "body_truncated", f"the {headers.get('content-encoding')} body {exc}", fatal=True)
    if body is None:
        return Rejected(where, "not_html", "the body uses a content encoding we cannot undo")
    return _page(body, headers, record, where)


def _page(body: bytes, headers: dict[str, str], record, where: str) -> Item:
    if not body.strip():
        return Rejected(where, "empty_input", "the response body is empty")
    if looks_binary(body):
        return Rejected(where, "not_html", "labelled HTML, but the body is binary")
    try:
        charset = detect_encoding(body, http_charset(headers.get("content-type", "")))
    except DecodeError as exc:
        return Rejected(where, "decode_error", str(exc), fatal=True)
    return Page(content=body, kind="html", origin=where, url=target_uri(record.headers.get("WARC-Target-URI")),
                fetched=warc_date(record.headers.get("WARC-Date")), charset=charset)


def target_uri(value: Optional[str]) -> Optional[str]:
    """The record's URL; wget writes it as ``<https://…>`` (a WARC 1.1 draft syntax)."""
    if not value:
        return None
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1].strip()
    return value or None


def warc_date(value: Optional[str]) -> Optional[str]:
    """``2024-04-25T16:27:48Z`` → ``2024-04-25T16:27:48+00:00``; None when absent or unparseable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(microsecond=0).isoformat()


_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^\s;\"']+)", re.I)


def http_charset(content_type: str) -> Optional[str]:
    match = _CHARSET.search(content_type or "")
    return normalise_charset(match.group(1)) if match else None


def split_http(block: bytes) -> tuple[Optional[int], dict[str, str], bytes]:
    """An HTTP response block → (status, lower-cased headers, body); status None when it is not HTTP."""
    end = block.find(b"\r\n\r\n")
    sep = 4
    if end == -1:
        end, sep = block.find(b"\n\n"), 2
    head = block[:end] if end != -1 else block
    lines = head.decode("latin-1").splitlines()
    match = re.match(r"HTTP/\d(?:\.\d)?\s+(\d{3})", lines[0]) if lines else None
    if not match:
        return None, {}, b""
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if colon:
            headers[name.strip().lower()] = value.strip()
    return int(match.group(1)), headers, block[end + sep:] if end != -1 else b""


def _decoded_body(body: bytes, headers: dict[str, str], max_bytes: int = MAX_BODY_BYTES) -> Optional[bytes]:
    """Undo chunked transfer coding and gzip/deflate content coding (servers send them; wget stores them raw).

    Inflation stops at ``max_bytes`` (:class:`TooLarge`): a few MB of compressed zeros must not become GBs."""
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = dechunk(body)
    coding = headers.get("content-encoding", "").strip().lower()
    if coding in ("", "identity"):
        return body
    if coding not in ("gzip", "x-gzip", "deflate"):
        return None
    for wbits in (47, -15):  # 47: gzip or zlib header, auto-detected; -15: raw deflate
        try:
            inflater = zlib.decompressobj(wbits)
            out = inflater.decompress(body, max_bytes + 1)
        except zlib.error:
            continue
        if len(out) > max_bytes:
            raise TooLarge(f"inflates to more than {max_bytes:,} bytes (the cap for one page)")
        if not inflater.eof:
            # zlib hands back what it could inflate and waits for more: the download was cut mid-stream, and
            # what came is only the page's beginning (a shorter article that would pass for a whole one).
            raise BodyCut(f"stops mid-stream: {len(body):,} compressed bytes inflate to {len(out):,} without "
                          f"reaching the end-of-stream marker (the download was cut short)")
        return out
    return body if not looks_binary(body) else None  # mislabelled: some servers say gzip and send plain


class BodyCut(ValueError):
    """A gzip/deflate body that ends before its end-of-stream marker."""


def dechunk(body: bytes) -> bytes:
    """HTTP/1.1 chunked transfer coding → the payload; stops quietly at a malformed chunk size."""
    out, pos = bytearray(), 0
    while pos < len(body):
        eol = body.find(b"\r\n", pos)
        if eol == -1:
            break
        try:
            size = int(body[pos:eol].split(b";", 1)[0].strip(), 16)
        except ValueError:
            return body if not out else bytes(out)  # not chunked after all
        if size == 0:
            break
        out += body[eol + 2:eol + 2 + size]
        pos = eol + 2 + size + 2
    return bytes(out)
