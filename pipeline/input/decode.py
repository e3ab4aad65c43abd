"""Bytes to text: byte-order marks, UTF-8 with a legacy fallback, UTF-16 without a mark, and binary sniffing."""
from __future__ import annotations

import codecs
import os
import re
import stat

from ..errors import InputError
from .items import logger

# Binary detection.
_BINARY_SAMPLE_BYTES = 65536
_BINARY_CONTROL_RATIO_UTF8 = 0.30
_BINARY_CONTROL_RATIO_LEGACY = 0.05
_UTF16_ZERO_RATIO = 0.40  # share of zero bytes in the high byte of each pair
_UTF16_OTHER_ZERO_RATIO = 0.05
_CONTROL_BYTES = frozenset(set(range(0x00, 0x09)) | set(range(0x0E, 0x20)) | {0x7F})
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly module"),
)
# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LEGACY_ENCODINGS = ("cp1252", "latin-1")
#: A well-formed multi-byte UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF).
_UTF8_MULTIBYTE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HTML_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _read_bytes(path: str, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file, or an InputError that says why not (also when it exceeds ``max_bytes``)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as err:
        raise InputError(path, f"cannot read the file ({err.strerror or err})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "not a regular file")
    if max_bytes is not None and info.st_size > max_bytes:
        raise InputError(path, f"the file is too large ({info.st_size:,} bytes, more than the {max_bytes // 4:,} "
                               "characters allowed: raise the limit with --max-chars to analyse it)")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except MemoryError:
        raise InputError(path, f"the file is too large to read into memory ({info.st_size} bytes)") from None
    except OSError as err:
        raise InputError(path, f"cannot read the file ({err.strerror or err})") from None


def _decode(data: bytes, path: str, html: bool = False) -> tuple[str, list[tuple[str, str]]]:
    """Decode file bytes; return the text and any (reason, action) warnings."""
    if not data:
        raise InputError(path, "the file is empty")
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(path, f"binary file ({kind})")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(path, f"invalid {encoding.upper()} text ({err.reason} at byte {err.start + len(bom)})") from None
            return _check_blank(text, path), []

    sample = data[:_BINARY_SAMPLE_BYTES]
    utf16 = _bomless_utf16(sample)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise InputError(path, "binary file (many NUL bytes)") from None
        return _check_blank(text, path), [("UTF-16 text without a byte-order mark", f"decoded as {utf16}")]

    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad_byte, bad_at = data[err.start], err.start
    else:
        if controls > _BINARY_CONTROL_RATIO_UTF8 * len(sample):
            raise InputError(path, _binary_reason(sample, controls))
        return _check_blank(text, path), []

    repaired = _mostly_utf8(data)
    if repaired is not None:
        if controls > _BINARY_CONTROL_RATIO_UTF8 * len(sample):
            raise InputError(path, _binary_reason(sample, controls))
        text, invalid = repaired
        noun = "byte" if invalid == 1 else "bytes"
        return _check_blank(text, path), [
            (f"not valid UTF-8 ({invalid} invalid {noun}, the first 0x{bad_byte:02X} at offset {bad_at})",
             f"decoded as UTF-8, {invalid} invalid {noun} replaced with U+FFFD")]
    if controls > _BINARY_CONTROL_RATIO_LEGACY * len(sample):
        raise InputError(path, _binary_reason(sample, controls))
    reason = f"not valid UTF-8 (byte 0x{bad_byte:02X} at offset {bad_at})"
    encodings = list(_LEGACY_ENCODINGS)
    declared = _declared_charset(data) if html else None
    if declared is not None:
        encodings.insert(0, declared)
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue  # try the next, more permissive encoding
        action = f"decoded as {encoding}"
        if encoding == declared:
            action += " (declared by the page)"
        return _check_blank(text, path), [(reason, action)]
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 text with its invalid bytes replaced, and their number, when the bytes are UTF-8 but for a few.

    "A few": the file holds at least as many well-formed multi-byte UTF-8
    sequences as invalid bytes. Decoding such a file as cp1252 would turn
    every one of its accented letters and curly quotes into mojibake, for the
    sake of a stray byte; a legacy-encoded file rarely holds even one
    well-formed multi-byte sequence. Returns None otherwise.
    """
    multibyte = sum(1 for _ in _UTF8_MULTIBYTE_RE.finditer(data))
    if not multibyte:
        return None
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    if invalid > multibyte:
        return None
    return text, invalid


def _check_blank(text: str, path: str) -> str:
    if not text:
        raise InputError(path, "the file is empty")
    if text.isspace():
        raise InputError(path, "the file holds only whitespace")
    return text


def _binary_reason(sample: bytes, controls: int) -> str:
    if sample.count(0) * 2 >= controls:
        return "binary file (many NUL bytes)"
    return "binary file (many control bytes)"


def _bomless_utf16(sample: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the sample looks like BOM-less UTF-16."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_zeros = sample[0 : pairs * 2 : 2].count(0)
    odd_zeros = sample[1 : pairs * 2 : 2].count(0)
    if odd_zeros >= _UTF16_ZERO_RATIO * pairs and even_zeros <= _UTF16_OTHER_ZERO_RATIO * pairs:
        return "utf-16-le"
    if even_zeros >= _UTF16_ZERO_RATIO * pairs and odd_zeros <= _UTF16_OTHER_ZERO_RATIO * pairs:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag, if Python knows it."""
    match = _HTML_CHARSET_RE.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        encoding = codecs.lookup(name).name
    except LookupError:
        logger.debug("unknown charset %r declared by an HTML page", name)
        return None
    return None if encoding in ("utf-8", "cp1252", "latin-1", "iso8859-1") else encoding
