"""Decide what kind of input a file is, from its bytes, before any reader touches it."""

from __future__ import annotations

import re
from enum import StrEnum

from extractor.errors import UnreadableInputError


class InputKind(StrEnum):
    PDF = "pdf"
    IMAGE = "image"
    EDGAR_XML = "edgar-xml"
    SGML = "sgml"
    HTML = "html"
    TEXT = "text"


_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF8", b"BM")


def detect_kind(data: bytes) -> InputKind:
    """The kind of ``data``; raises :class:`UnreadableInputError` for empty or binary junk."""
    if not data.strip():
        raise UnreadableInputError("the file is empty")
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF"):
        return InputKind.PDF
    if data[:8].startswith(_IMAGE_MAGIC) or data[8:12] == b"WEBP":
        return InputKind.IMAGE
    text = decode_text(data)
    start = text[:4096].lstrip("\ufeff \t\r\n").lower()
    if re.search(r"<sec-document>|<sec-header>|<ims-document>|-----begin privacy-enhanced",
                 start):
        return InputKind.SGML
    if start.startswith("<?xml") or start.startswith("<ownershipdocument"):
        return InputKind.EDGAR_XML
    if start.startswith("<!doctype html") or start.startswith("<html"):
        return InputKind.HTML
    return InputKind.TEXT


def decode_text(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else Windows-1252 / Latin-1.

    Raises :class:`UnreadableInputError` when the bytes are not text at all (NUL bytes or a high
    share of control characters), so binary junk never reaches a text reader.
    """
    sample = data[:65536]
    if b"\x00" in sample:
        raise UnreadableInputError("binary data, not a document this tool reads")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\t\r\n\f")
    if controls > max(8, len(text[:65536]) // 100) or text[:65536].count("\ufffd") > \
            len(text[:65536]) // 20:
        raise UnreadableInputError("binary data, not a document this tool reads")
    return text
