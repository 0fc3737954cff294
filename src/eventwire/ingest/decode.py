"""Bytes to text: encoding detection, binary and script checks."""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

from charset_normalizer import from_bytes

from eventwire.errors import Code, EventwireError

__all__ = ["Decoded", "decode_bytes", "dominant_script"]

_BINARY_MAGIC: dict[bytes, str] = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip data",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x7fELF": "executable",
}
_SAMPLE = 65536


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(raw: bytes) -> Decoded:
    """Decode input bytes; raise EventwireError for empty, binary or undecodable input."""
    if not raw.strip():
        raise EventwireError(Code.EMPTY)
    check_not_binary(raw)
    for bom, name in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):
            return Decoded(raw.decode(name, errors="replace"), name)
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return detect(raw)


def check_not_binary(raw: bytes) -> None:
    for magic, what in _BINARY_MAGIC.items():
        if raw.startswith(magic):
            raise EventwireError(Code.BINARY, detail=what)
    sample = raw[:_SAMPLE]
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f\v\x1b")
    if b"\x00" in sample or controls > len(sample) * 0.05:
        raise EventwireError(
            Code.BINARY, detail=f"{controls} control bytes in the first {len(sample)}"
        )


def detect(raw: bytes) -> Decoded:
    best = from_bytes(raw[: _SAMPLE * 4]).best()
    if best is None or best.encoding is None:
        raise EventwireError(Code.UNDECODABLE)
    return Decoded(raw.decode(best.encoding, errors="replace"), best.encoding)


def dominant_script(text: str, sample: int = 20000) -> str:
    """The script most letters of `text` are written in ('LATIN', 'ARABIC', ...); on a tie,
    the script of the earliest letter. "LATIN" for a text without letters."""
    head = text[:sample]
    if head.isascii():  # every ASCII letter is Latin
        return "LATIN"
    counts: dict[str, int] = {}
    # each character named once; Counter keeps the order of first appearance, for ties
    for char, seen in Counter(head).items():
        if char.isalpha():
            script = unicodedata.name(char, "UNKNOWN UNKNOWN").split(" ", 1)[0]
            counts[script] = counts.get(script, 0) + seen
    return max(counts, key=lambda key: counts[key]) if counts else "LATIN"
