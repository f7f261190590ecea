import pytest

from extractor.errors import UnreadableInputError
from extractor.ingest.detect import InputKind, decode_text, detect_kind


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n...", InputKind.PDF),
    (b"\x89PNG\r\n\x1a\n....", InputKind.IMAGE),
    (b"\xff\xd8\xff\xe0 jpeg", InputKind.IMAGE),
    (b"<?xml version='1.0'?><ownershipDocument/>", InputKind.EDGAR_XML),
    (b"<SEC-DOCUMENT>0001.txt\n<SEC-HEADER>", InputKind.SGML),
    (b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type", InputKind.SGML),
    (b"<!DOCTYPE html><html>", InputKind.HTML),
    (b"FORM 4\nSTATEMENT OF CHANGES", InputKind.TEXT),
])
def test_detect_kind(data: bytes, kind: InputKind) -> None:
    assert detect_kind(data) is kind


@pytest.mark.parametrize("data", [b"", b"  \n\t ", bytes(range(256)) * 4, b"\x00\x01\x02abc"])
def test_empty_and_binary_are_refused(data: bytes) -> None:
    with pytest.raises(UnreadableInputError):
        detect_kind(data)


def test_decode_latin1_fallback() -> None:
    assert decode_text("Société".encode("latin-1")) == "Société"
