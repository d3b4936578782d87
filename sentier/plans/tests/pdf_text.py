"""Read a WeasyPrint PDF in tests: its objects (object streams included) and its text.

``pypdf`` is used when it is installed; otherwise a small reader decompresses the streams, merges
the fonts' ToUnicode maps and decodes the hex strings of the text operators. That is enough for
WeasyPrint's output (DejaVu fonts, Identity-H), not a general PDF reader.
"""

from __future__ import annotations

import re
import zlib

STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
TEXT_ARRAY = re.compile(rb"\[(.*?)\]\s*TJ", re.S)
TEXT_STRING = re.compile(rb"<([0-9A-Fa-f]+)>\s*Tj")


def streams(data: bytes) -> list[bytes]:
    """Every stream of the file, inflated when it can be."""
    found = []
    for match in STREAM.finditer(data):
        raw = match.group(1)
        try:
            found.append(zlib.decompress(raw))
        except zlib.error:
            found.append(raw)
    return found


def everything(data: bytes) -> bytes:
    """The file with its streams inflated, to search for dictionary entries."""
    return data + b"\n".join(streams(data))


def _unicode(hex_value: bytes) -> str:
    raw = bytes.fromhex(hex_value.decode())
    return raw.decode("utf-16-be", errors="replace")


def _cmap(parts: list[bytes]) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for part in parts:
        if b"begincmap" not in part:
            continue
        for block in BFCHAR.findall(part):
            values = HEX.findall(block)
            for code, text in zip(values[::2], values[1::2], strict=False):
                mapping.setdefault(int(code, 16), _unicode(text))
        for block in BFRANGE.findall(part):
            for line in block.splitlines():
                values = HEX.findall(line)
                if len(values) == 3:
                    start, end, first = (int(v, 16) for v in values)
                    for offset in range(end - start + 1):
                        mapping.setdefault(start + offset, chr(first + offset))
    return mapping


def text(data: bytes) -> str:
    """The text of the PDF (word order kept within runs; spaces may be missing)."""
    try:
        import pypdf  # type: ignore[import-not-found]
    except ImportError:
        pass
    else:
        import io

        reader = pypdf.PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() for page in reader.pages)
    parts = streams(data)
    mapping = _cmap(parts)
    out: list[str] = []
    for part in parts:
        if b"BT" not in part or b"begincmap" in part:
            continue
        for array in TEXT_ARRAY.findall(part):
            for value in HEX.findall(array):
                codes = bytes.fromhex(value.decode())
                out.append(
                    "".join(
                        mapping.get(int.from_bytes(codes[i : i + 2], "big"), "")
                        for i in range(0, len(codes), 2)
                    )
                )
            out.append(" ")
        for value in TEXT_STRING.findall(part):
            codes = bytes.fromhex(value.decode())
            out.append(
                "".join(
                    mapping.get(int.from_bytes(codes[i : i + 2], "big"), "")
                    for i in range(0, len(codes), 2)
                )
            )
    return "".join(out)


def squeeze(value: str) -> str:
    """Without whitespace: compare text whatever the PDF did with spaces and line breaks."""
    return re.sub(r"\s+", "", value)
