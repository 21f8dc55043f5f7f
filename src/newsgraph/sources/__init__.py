"""Sources: paths and standard input to :class:`~newsgraph.model.Page` items.

``read(inputs)`` yields one Page per page found (a WARC file holds many: :mod:`.warc`), or a
:class:`~newsgraph.model.Rejected` with a stable reason code
for an input that could not be used; a bad input never stops the run. Reason codes:

=================  =====  ===========================================================================
code               fatal  meaning
=================  =====  ===========================================================================
not_found          yes    the path does not exist
unsupported_input  yes    a named file with an extension we do not read (no, when met while walking a
                          directory: files beside the pages, like a README, are skipped by design)
empty_input        no     the file (or JSONL line) holds nothing
binary_input       yes    NUL bytes or mostly control bytes: not text
decode_error       yes    the bytes are not text in the encoding they declare (BOM; JSONL must be UTF-8)
bad_json           yes    a JSONL line that is not JSON or not an object (the other lines still yield)
missing_field      yes    a JSONL object with neither ``text`` nor ``html``
bad_field          yes    a JSONL ``url``/``title`` that is not a string, an ``id`` neither string nor integer
gzip_error         yes    a ``.gz`` file that does not decompress
read_error         yes    the operating system refused to read the file or list the folder (one per folder;
                          the walk goes on beside it)
warc_truncated     yes    a WARC file ends inside a record: the pages before the damage are kept
warc_bad_record    yes    a WARC record that cannot be parsed; the reader skips to the next record
body_truncated     yes    a WARC response whose gzip/deflate body stops mid-stream (a cut download): not kept
                          as a shorter page; the records after it are read
too_large          yes    a page over the size cap (10 MB): a file, what a ``.gz`` inflates to, a JSONL line;
                          no for a WARC record (a crawl holds big resources by design)
not_html           no     a WARC response labelled HTML whose body is binary or in an unknown encoding
http_status        no     a WARC response that is not 2xx (redirect, error page)
=================  =====  ===========================================================================
"""
from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Optional, Union

from ..model import Page, Rejected
from .bounds import MAX_INPUT_BYTES, TooLarge, TooLong, capped_lines, inflate_capped, read_capped, walk
from .decode import DecodeError, decode, detect_encoding, looks_binary

Item = Union[Page, Rejected]

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")

__all__ = ["read", "read_jsonl", "iter_inputs", "Item"]


def read(inputs: Iterable[Union[str, Path]], *, as_text: bool = False, stdin: Optional[IO] = None) -> Iterator[Item]:
    """Yield a Page or a Rejected for every page of every input (files, directories, ``-`` for JSONL on stdin)."""
    for spec in inputs:
        if str(spec) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_jsonl(capped_lines(stream), origin="-")
            continue
        path = Path(spec)
        if path.is_dir():
            for child in walk(path):
                if isinstance(child, Rejected):
                    yield child
                else:
                    yield from _read_file(child, as_text=as_text, named=False)
        elif path.exists() or path.is_symlink():
            yield from _read_file(path, as_text=as_text, named=True)
        else:
            yield Rejected(str(spec), "not_found", f"no such file or directory: {spec}", fatal=True)


def iter_inputs(inputs: Iterable[Union[str, Path]]) -> Iterator[str]:
    """Each input as the unit a run completes and resumes by: the readable files of a directory one by one (files
    beside the pages, like a README, are left out as :func:`read` skips them), others as given. A folder that
    cannot be listed is its own unit, so reading it names the problem once."""
    for spec in inputs:
        path = Path(spec)
        if str(spec) != "-" and path.is_dir():
            for child in walk(path):
                if isinstance(child, Rejected):
                    yield child.origin
                elif is_readable_kind(child):
                    yield str(child)
        else:
            yield str(spec)


def is_readable_kind(path: Union[str, Path]) -> bool:
    """Whether the file name is of a kind :func:`read` reads (by extension)."""
    return Path(path).name.lower().endswith(HTML_SUFFIXES + TEXT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES)


def _read_file(path: Path, *, as_text: bool, named: bool) -> Iterator[Item]:
    name = path.name.lower()
    origin = str(path)
    if name.endswith(WARC_SUFFIXES):
        yield from _read_warc(path)
        return
    if not name.endswith(HTML_SUFFIXES + TEXT_SUFFIXES + JSONL_SUFFIXES):
        known = ", ".join(HTML_SUFFIXES + TEXT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES)
        yield Rejected(origin, "unsupported_input", f"unknown file type {path.suffix or '(none)'!r}; "
                       f"readable: {known}", fatal=named)
        return
    if name.endswith(JSONL_SUFFIXES):
        yield from _read_jsonl_file(path)
        return
    data = _load(path)
    if isinstance(data, Rejected):
        yield data
    elif name.endswith(HTML_SUFFIXES):
        yield _html_page(data, origin)
    else:
        yield _text_page(data, origin, as_text=as_text)


def _read_jsonl_file(path: Path) -> Iterator[Item]:
    """A JSONL file line by line (it may hold any number of articles; each line is capped, not the file)."""
    origin = str(path)
    try:
        if os.stat(path).st_mode & 0o170000 in (0o010000, 0o140000):  # FIFO, socket: opening may block
            raise OSError(f"{path} is a pipe or socket, not a file")
        stream = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")
    except OSError as exc:
        yield Rejected(origin, "read_error", f"cannot read: {exc.strerror or exc}", fatal=True)
        return
    with stream:
        try:
            if looks_binary(stream.peek(8192)[:8192], any_nul=False):  # a stray NUL costs its line only
                yield Rejected(origin, "binary_input", "NUL bytes, control bytes or wordless high bytes: this is not a text file",
                               fatal=True)
                return
            count = 0
            for count, item in enumerate(read_jsonl(capped_lines(stream), origin=origin), start=1):
                yield item
            if not count:
                yield Rejected(origin, "empty_input", "the file is empty", fatal=False)
        except (OSError, EOFError, zlib.error) as exc:
            code = "gzip_error" if path.name.lower().endswith(".gz") else "read_error"
            yield Rejected(origin, code, f"reading stopped: {exc}", fatal=True)


def _read_warc(path: Path) -> Iterator[Item]:
    from .warc import read_warc
    try:
        yield from read_warc(path)
    except OSError as exc:
        yield Rejected(str(path), "read_error", f"cannot read: {exc.strerror or exc}", fatal=True)


def _load(path: Path) -> Union[bytes, Rejected]:
    origin = str(path)
    try:
        data = read_capped(path)
        if path.name.lower().endswith(".gz"):
            try:
                data = inflate_capped(data)
            except (EOFError, zlib.error) as exc:
                return Rejected(origin, "gzip_error", f"not a valid gzip file: {exc}", fatal=True)
    except TooLarge as exc:
        return Rejected(origin, "too_large", f"the page {exc}", fatal=True)
    except OSError as exc:
        return Rejected(origin, "read_error", f"cannot read: {exc.strerror or exc}", fatal=True)
    if not data.strip():
        return Rejected(origin, "empty_input", "the file is empty", fatal=False)
    if looks_binary(data):
        return Rejected(origin, "binary_input", "NUL bytes, control bytes or wordless high bytes: this is not a text file", fatal=True)
    return data


def _html_page(data: bytes, origin: str) -> Item:
    try:
        charset = detect_encoding(data)
    except DecodeError as exc:
        return Rejected(origin, "decode_error", str(exc), fatal=True)
    # Bytes stay bytes (extraction may need them as-is); the charset we settled on travels as the hint.
    return Page(content=data, kind="html", origin=origin, charset=charset)


def _text_page(data: bytes, origin: str, *, as_text: bool) -> Item:
    try:
        text, _ = decode(data)
    except DecodeError as exc:
        return Rejected(origin, "decode_error", str(exc), fatal=True)
    return Page(content=text, kind="text" if as_text else "capture", origin=origin)


def read_jsonl(lines: Iterable[Union[bytes, str]], *, origin: str) -> Iterator[Item]:
    """One Page per JSONL line (``origin#lineno``, counted from 1); blank lines are skipped silently."""
    for lineno, raw in enumerate(lines, start=1):
        where = f"{origin}#{lineno}"
        if isinstance(raw, TooLong):
            yield Rejected(where, "too_large", f"a line of {raw.size:,} bytes is over the cap of "
                           f"{MAX_INPUT_BYTES:,} for one page", fatal=True)
            continue
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield Rejected(where, "decode_error", f"JSONL must be UTF-8: {exc.reason} at byte {exc.start}",
                               fatal=True)
                continue
        if not raw.strip():
            continue
        yield _jsonl_record(raw, where)


def _jsonl_record(line: str, where: str) -> Item:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Rejected(where, "bad_json", f"not valid JSON: {exc.msg} (column {exc.colno})", fatal=True)
    if not isinstance(obj, dict):
        return Rejected(where, "bad_json", f"expected a JSON object, got {type(obj).__name__}", fatal=True)
    wrong = [k for k in ("id", "url", "title") if obj.get(k) is not None and not _is_name(k, obj[k])]
    if wrong:
        # A list or object where a name belongs is a producer's bug; its repr must not become a title or an id.
        return Rejected(where, "bad_field", ", ".join(f"{k!r} is a {type(obj[k]).__name__}, not a string"
                                                        for k in wrong), fatal=True)
    fields = {k: _opt_str(obj.get(k)) for k in ("id", "url", "title", "published", "fetched")}
    html, text = obj.get("html"), obj.get("text")
    if isinstance(html, str) and html.strip():
        return Page(content=html, kind="html", origin=where, **fields)
    if isinstance(text, str) and text.strip():
        # Kept exactly as given: the caller's spans and ours must index the same string.
        return Page(content=text, kind="text", origin=where, **fields)
    if isinstance(html, str) or isinstance(text, str):
        return Rejected(where, "empty_input", "the text/html field is empty", fatal=False)
    return Rejected(where, "missing_field", "a JSONL line needs a 'text' or an 'html' string field", fatal=True)


def _is_name(key: str, value: Any) -> bool:
    """A string; an id may also be a whole number (feeds number their items), never a bool, list or object."""
    return isinstance(value, str) or (key == "id" and isinstance(value, int) and not isinstance(value, bool))


def _opt_str(value: Any) -> Optional[str]:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)
