"""Where inputs come from: paths, directories (recursively), stdin; bytes, gzip, decoding.

Everything here raises `InputError` with a named code; the reader boundary in
`ingest/__init__.py` turns it into a Problem on the input's record.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError

STDIN = "-"
GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 4096
WESTERN = "cp1252"  # the legacy encoding of most English text that is not UTF-8
# Signatures of formats people drop into a news folder by mistake.
BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF")


def iter_input_paths(paths: list[str]) -> Iterator[str]:
    """Each file named, each file under each directory (sorted, hidden ones skipped), or '-'."""
    for path in paths:
        if path == STDIN or not os.path.isdir(path):
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield os.path.join(root, name)


def open_input(path: str) -> BinaryIO:
    """A buffered binary stream of the input, gunzipped when it is gzip (by content, not name)."""
    if path == STDIN:
        raw: BinaryIO | None = getattr(sys.stdin, "buffer", None)  # None when stdin is closed
        if raw is None:
            raise InputError("unreadable", "there is no standard input to read")
    else:
        try:
            raw = _open_file(path)
        except FileNotFoundError as err:
            detail = "a broken symbolic link" if os.path.islink(path) else "no such file"
            raise InputError("not_found", detail) from err
        except (PermissionError, IsADirectoryError, OSError) as err:
            raise InputError("unreadable", f"cannot open ({err.strerror or err})") from err
    # BufferedReader accepts any raw binary stream; typeshed's bound is narrower
    stream: io.BufferedReader = (
        raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[arg-type]
    )
    if stream.peek(2)[:2] == GZIP_MAGIC:
        return io.BufferedReader(Gunzip(stream))
    return stream


class Gunzip(io.RawIOBase):
    """Gunzipped bytes, one decompressed piece per read, so that what comes before damage in
    the data is handed over before the error (GzipFile.read loses the block it was filling).
    Damage is raised as InputError."""

    def __init__(self, compressed: BinaryIO) -> None:
        self._compressed = compressed
        self._gzip = gzip.GzipFile(fileobj=compressed)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:  # named here: a reader must not take gzip's EOFError for the end of its data
            data = self._gzip.read1(len(buffer))
        except STREAM_ERRORS as err:
            raise as_input_error(err) from err
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._gzip.close()
            if self._compressed is not getattr(sys.stdin, "buffer", None):
                self._compressed.close()
        super().close()


def _open_file(path: str) -> BinaryIO:
    """The file opened for reading; a named pipe nobody writes to reads as empty, not forever."""
    if not stat.S_ISFIFO(os.stat(path).st_mode):
        return open(path, "rb")  # noqa: SIM115 - the caller closes it
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # opening a FIFO blocks until a writer comes
    os.set_blocking(fd, True)  # a writer already there is read to its end as usual
    return os.fdopen(fd, "rb")


STREAM_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error, OSError)


def as_input_error(err: BaseException) -> InputError:
    """The named problem behind a low-level read error."""
    if isinstance(err, EOFError):
        return InputError("truncated_gzip", "the gzip data ends early")
    if isinstance(err, gzip.BadGzipFile | zlib.error):
        return InputError("broken_gzip", f"damaged gzip data ({err})")
    return InputError("unreadable", f"read failed ({err})")


def peek(stream: BinaryIO, size: int = SNIFF_BYTES) -> bytes:
    """The first bytes of a stream without consuming them; gzip damage surfaces here too."""
    try:
        return stream.peek(size)[:size]  # type: ignore[attr-defined, no-any-return]
    except STREAM_ERRORS as err:
        raise as_input_error(err) from err


def read_limited(stream: BinaryIO, max_bytes: int) -> bytes:
    """The whole stream, refusing more than max_bytes (also stops gzip bombs)."""
    try:
        data = stream.read(max_bytes + 1)
    except STREAM_ERRORS as err:
        raise as_input_error(err) from err
    if len(data) > max_bytes:
        raise InputError("oversize", f"larger than the {max_bytes:,}-byte limit")
    return data


def check_not_binary(data: bytes) -> None:
    head = data[:SNIFF_BYTES]
    if head.startswith(BINARY_MAGIC):
        raise InputError("binary", "binary file (a document or image format, not text)")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 text has NULs by design
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f\x0b\x1b")
    if b"\x00" in head or controls > len(head) * 0.1:
        raise InputError("binary", "binary data, not text")


def decode(data: bytes) -> tuple[str, str | None]:
    """Text from bytes, and the guessed encoding when it was not declared UTF-8/16.

    UTF-8 is tried strictly: a wrong guess would silently change the user's text,
    so a guess is returned for the caller to report.
    """
    check_not_binary(data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as err:
            raise InputError("encoding", f"invalid UTF-16 ({err.reason})") from err
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        return _guess_encoding(data, err)


def _guess_encoding(data: bytes, err: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.encoding is None:
        raise InputError("encoding", f"not UTF-8 (byte {err.start}) and no encoding fits") from err
    # Among equally good readings prefer Windows-1252, the Web's default for unlabelled Latin text
    # (WHATWG): charset_normalizer's ties otherwise go to cp1250 and turn 'ï' into 'ď'.
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    western = next((m for m in tied if WESTERN in m.could_be_from_charset), None)
    if western is not None:  # its text is what cp1252 gives, whatever name it was found under
        return str(western), WESTERN
    return str(best), best.encoding


def display_name(path: str) -> str:
    return "<stdin>" if path == STDIN else str(Path(path))
