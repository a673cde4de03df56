"""Read an input file: bytes → decoded text, with its digest and encoding.

Strict decodes come first (a BOM, then UTF-8, then GB18030, which covers GBK
and GB2312); a statistical guess (charset-normalizer) only when both fail.
Files that are not text documents are refused with a reason.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path


class InputError(Exception):
    """An input that cannot be converted; the message is one line for the user."""


@dataclass(frozen=True)
class Source:
    name: str
    sha256: str
    encoding: str
    text: str


# Magic numbers of files that are not text documents.
BINARY_SIGNATURES = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"PK\x03\x04", "ZIP"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"\xd0\xcf\x11\xe0", "OLE2 (.doc/.xls)"),
    (b"\x1f\x8b", "gzip"),
    (b"\x7fELF", "ELF"),
)
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


def read_source(path: Path, encoding: str | None = None) -> Source:
    if path.is_dir():
        raise InputError("is a directory, not a text document")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})") from None
    return decode(data, path.name, encoding)


def decode(data: bytes, name: str, encoding: str | None = None) -> Source:
    digest = hashlib.sha256(data).hexdigest()
    if encoding:
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot be decoded as {encoding}: {exc}") from None
        return checked(Source(name, digest, codecs.lookup(encoding).name, strip_bom(text)))
    for bom, codec, label in BOMS:
        if data.startswith(bom):
            try:
                return checked(Source(name, digest, label, data[len(bom):].decode(codec.replace("-sig", ""))))
            except UnicodeDecodeError as exc:
                raise InputError(f"undecodable bytes at offset {exc.start + len(bom)} ({label} with BOM)") from None
    kind = binary_kind(data)
    if kind:
        raise InputError(f"not a text document (looks like {kind})")
    for codec in ("utf-8", "gb18030"):
        try:
            return checked(Source(name, digest, codec, data.decode(codec)))
        except UnicodeDecodeError:
            continue
    return checked(guess(data, name, digest))


def strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def binary_kind(data: bytes) -> str | None:
    for magic, kind in BINARY_SIGNATURES:
        if data.startswith(magic):
            return kind
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 10 + 1:
        return "binary data"
    return None


def guess(data: bytes, name: str, digest: str) -> Source:
    try:
        from charset_normalizer import from_bytes
    except ImportError:      # pragma: no cover - a dependency, but say so clearly
        raise InputError("neither UTF-8 nor GB18030, and charset-normalizer is not installed") from None
    best = from_bytes(data).best()
    if best is None:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"undecodable bytes at offset {exc.start}: neither UTF-8 nor GB18030") from None
    return Source(name, digest, best.encoding.replace("_", "-"), str(best))


def checked(source: Source) -> Source:
    if not source.text.strip():
        raise InputError("empty: no text to convert")
    return source
