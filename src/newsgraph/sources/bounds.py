"""Bounded reading: every input is read, inflated and walked with a ceiling, so one hostile input costs only itself.

* :func:`read_capped` reads at most ``cap + 1`` bytes: a 50 MB page or ``/dev/zero`` behind a symlink is
  ``too_large`` after 10 MB, never an endless read into memory.
* :func:`inflate_capped` inflates gzip in a stream and stops at the same ceiling as an uncompressed page: a zlib
  bomb (8 MB that would inflate to 8 GiB) is ``too_large`` after 10 MB of output.
* :func:`capped_lines` yields the lines of a JSONL stream, each at most ``cap`` bytes; a longer line is read past
  in chunks (never held whole) and reported as too large.
* :func:`walk` visits each real directory once (symlink loops end), lists one directory at a time (the first pages
  are stored before a big tree is listed), and turns an unreadable folder into one ``read_error``.
"""
from __future__ import annotations

import os
import stat
import zlib
from pathlib import Path
from typing import IO, Iterator, Union

from ..model import Rejected

# One ceiling for a page, compressed or not: a news page is well under 1 MB; more is a dump, a feed or an attack.
MAX_INPUT_BYTES = 10 * 1024 * 1024
_CHUNK = 1 << 16


class TooLarge(ValueError):
    """The input holds (or inflates to) more than the ceiling."""


class TooLong(bytes):
    """A JSONL line over the ceiling: carries how many bytes were read past (the line itself is dropped)."""

    size: int = 0


def read_capped(path: Path, cap: int = MAX_INPUT_BYTES) -> bytes:
    """The file's bytes; :class:`TooLarge` past ``cap``. FIFOs and sockets are refused (opening one may block)."""
    mode = os.stat(path).st_mode
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        raise OSError(f"{path} is a pipe or socket, not a file")
    with open(path, "rb") as stream:
        data = stream.read(cap + 1)
    if len(data) > cap:
        raise TooLarge(f"holds more than {cap:,} bytes (the cap for one page)")
    return data


def inflate_capped(data: bytes, cap: int = MAX_INPUT_BYTES) -> bytes:
    """gzip (every member, as ``gzip.decompress`` does) inflated to at most ``cap`` bytes, else :class:`TooLarge`.

    Raises ``zlib.error`` / ``EOFError`` for data that is not gzip or is cut short, as ``gzip.decompress`` does.
    """
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(31)
        pending = rest
        while pending:
            out += inflater.decompress(pending, cap + 1 - len(out))
            if len(out) > cap:
                raise TooLarge(f"inflates to more than {cap:,} bytes (the cap for one page)")
            pending = inflater.unconsumed_tail
            if inflater.eof:
                break
        if not inflater.eof:
            raise EOFError("compressed data ended before the end-of-stream marker")
        rest = inflater.unused_data.lstrip(b"\x00")  # members may be padded with NULs, as gzip allows
    return bytes(out)


def capped_lines(stream: IO[bytes], cap: int = MAX_INPUT_BYTES) -> Iterator[bytes]:
    """Lines of ``stream`` (newline kept); a line over ``cap`` comes as a :class:`TooLong` holding its size."""
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        newline = b"\n" if isinstance(line, bytes) else "\n"  # standard input may be a text stream in tests
        if len(line) <= cap or line.endswith(newline):
            yield line
            continue
        size = len(line)
        while not line.endswith(newline):  # read past the rest of the line a chunk at a time
            line = stream.readline(_CHUNK)
            if not line:
                break
            size += len(line)
        marker = TooLong()
        marker.size = size
        yield marker


def walk(root: Path, hidden: bool = False) -> Iterator[Union[Path, Rejected]]:
    """Files under ``root`` in sorted order (a folder's entries by name, depth first), each real directory and
    file once; hidden entries skipped. Only one folder is listed at a time, so pages are read while a big tree is
    still being walked. A folder that cannot be listed is one fatal ``read_error``; the walk goes on beside it.
    """
    seen: set[tuple[int, int]] = set()
    stack: list[Iterator[os.DirEntry]] = []
    opened = _listing(root, seen)
    if isinstance(opened, Rejected):
        yield opened
        return
    stack.append(opened)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith(".") and not hidden:
            continue
        try:
            info = entry.stat()  # follows symlinks: a link to a folder is walked (once), a link to a file read
        except OSError:
            yield Path(entry.path)  # a dangling link: reading it names the problem
            continue
        if stat.S_ISDIR(info.st_mode):
            opened = _listing(Path(entry.path), seen)
            if isinstance(opened, Rejected):
                yield opened
            elif opened is not None:
                stack.append(opened)
            continue
        key = (info.st_dev, info.st_ino)
        if key not in seen:  # the same file reached by a second link is read once
            seen.add(key)
            yield Path(entry.path)


def _listing(folder: Path, seen: set) -> Union[Iterator[os.DirEntry], Rejected, None]:
    """The sorted entries of a folder not seen before; None for one already walked (a symlink loop)."""
    try:
        info = folder.stat()
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return None
        seen.add(key)
        with os.scandir(folder) as entries:
            return iter(sorted(entries, key=lambda e: e.name))
    except OSError as exc:
        return Rejected(str(folder), "read_error", f"cannot list the folder: {exc.strerror or exc}", fatal=True)
