"""Turning a file's bytes into text: refuse binaries, honour BOMs, detect legacy encodings."""

from __future__ import annotations

import codecs
import unicodedata

from dyad.errors import IngestError

# Magic numbers of binary formats people drop into article folders by mistake.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"SQLite format 3", "an SQLite database"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, name: str) -> tuple[str, str | None]:
    """The text of ``data`` and a warning when it was not plain UTF-8; IngestError for binaries."""
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise IngestError(name, f"binary file ({what}), not an article")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestError(
                    name, f"has a {encoding} byte-order mark but {exc.reason}"
                ) from exc
            warning: str | None = None
            if encoding != "utf-8-sig":
                warning = f"read as {encoding.upper()} (BOM)"
            return _checked(text, name), warning
    nuls = data[:4096].count(b"\x00")
    if nuls > max(2, len(data[:4096]) // 100):
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _checked(utf16[0], name), f"read as {utf16[1]} (no BOM)"
        raise IngestError(name, "binary file (contains NUL bytes), not an article")
    stray: str | None = None
    if nuls:
        data = data.replace(b"\x00", b"")
        stray = "stray NUL bytes removed"
    try:
        return _checked(data.decode("utf-8"), name), stray
    except UnicodeDecodeError:
        pass
    western = _legacy_western(data)
    if western is not None:
        return _checked(western, name), "not UTF-8; read as Windows-1252/Latin-1"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError(name, "not text in any encoding dyad can detect")
    return _checked(str(best), name), f"not UTF-8; read as {best.encoding}"


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text written without a byte-order mark: mostly ASCII text puts a NUL in every
    other byte, the high byte of each code unit (odd positions little-endian, even big)."""
    head = data[:4096]
    if len(head) < 8 or len(data) % 2:
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    half = len(head) // 2
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= 0.6 * half and other <= 0.01 * half:
            try:
                return data.decode(encoding), encoding.upper()
            except UnicodeDecodeError:
                return None
    return None


def _legacy_western(data: bytes) -> str | None:
    """cp1252 (or Latin-1) text when every non-ASCII character is a plausible Western one."""
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if all(_plausible(c) for c in text if ord(c) > 127):
            return text
    return None


def _plausible(char: str) -> bool:
    return unicodedata.category(char)[0] in "LPSZN" and unicodedata.category(char) != "Co"


def _checked(text: str, name: str) -> str:
    sample = text[:8192]
    if sample:
        controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
        if controls / len(sample) > 0.05:
            raise IngestError(name, "binary file (mostly control characters), not an article")
    return text
