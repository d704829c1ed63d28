"""Finding the legal structure markers (Pasal, ayat, angka) in noisy OCR text.

Markers are found in sequence: the next Pasal must be number N+1, the next ayat (k+1). That is what
separates a heading ("Pasal 24") from a reference ("dalam Pasal 24 ayat (1)") and what lets OCR
variants ("Pasal I 1", "(21", "(l)") be read correctly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OCR_DIGITS = str.maketrans(
    {"O": "0", "o": "0", "l": "1", "I": "1", "i": "1", "t": "1", "L": "1", "s": "5", "S": "5"}
)

PASAL_RE = re.compile(
    r"\bPasa\W?[l1I]\s*([0-9IlO]{1,3})(?:\s([0-9]{1,2})(?![0-9.]))?([A-Z])?(?![A-Za-z0-9])"
)
REF_WORDS = {
    "dalam",
    "dalarn",
    "pada",
    "dan",
    "atau",
    "dengan",
    "oleh",
    "terhadap",
    "menurut",
    "berdasarkan",
    "sesuai",
    "dari",
    "di",
    "yaitu",
    "ke",
    "dimaksud",
    "ketentuan",
    "sebagaimana",
    "pasal",
    "tentang",
    "melalui",
    "atas",
    "bahwa",
    "serta",
    "kecuali",
    "selain",
    "sampai",
    "tercantum",
    "diatur",
    "mengenai",
    "antara",
    "lain",
    "the",
    "dan/atau",
    "berlaku",
}
REF_NEXT_HARD = re.compile(r"\s*(ayat|huruf|angka|sampai|sebagaimana|,|\.\s*[a-z])")
REF_NEXT_SOFT = re.compile(
    r"\s*(dan\s|atau\s|tentang|yang\s|Undang|UUD|Peraturan|diubah|dihapus|disisipkan|[a-z])"
)
AYAT_RE = re.compile(r"\(\s?([0-9lItsS]{1,3})\s?[)\]]?")
ANGKA_RE = re.compile(r"(?:(?<=\s)|^)([0-9lIL]{1,2}(?:\s\d)?)\s?\.(?=\s?[A-Z\"“])")


@dataclass
class Marker:
    number: str
    start: int  # where the marker text begins
    end: int  # where the content after it begins


def _readings(token: str, extra: str | None) -> list[tuple[int, bool]]:
    """Possible numbers for an OCR'd token: (value, uses_extra)."""
    out: list[tuple[int, bool]] = []
    first = token.translate(_OCR_DIGITS)
    if extra is not None and (first + extra).isdigit():
        out.append((int(first + extra), True))
    if first.isdigit():
        out.append((int(first), False))
    return out


def _prev_word(text: str, pos: int, lower: bool = True) -> str:
    before = text[max(0, pos - 30) : pos].rstrip()
    if not before:
        return ""
    if before.endswith(","):
        return ","
    words = before.split()
    word = words[-1].strip("(\"'") if words else ""
    return word.lower() if lower else word


def _is_line_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def find_pasal_markers(text: str, first: int = 1) -> tuple[list[Marker], list[int]]:
    """Sequential Pasal headings in `text`; also returns the numbers that were skipped (not found)."""
    markers: list[Marker] = []
    skipped: list[int] = []
    expected = first
    for m in PASAL_RE.finditer(text):
        suffix = m.group(3) or ""
        readings = _readings(m.group(1), m.group(2))
        if not readings:
            continue
        prev_raw = _prev_word(text, m.start(), lower=False)
        prev = prev_raw.lower()
        line_start = _is_line_start(text, m.start())
        if re.fullmatch(r"\d+[A-Za-z]?,", prev_raw):
            continue  # "Pasal 14, Pasal 15, ..." is a list of references
        strong = (
            line_start
            or prev_raw.endswith((".", ":", ";"))
            or (prev_raw[:1].isupper() and prev not in REF_WORDS)
        )
        after_first = m.end(1) if not m.group(2) else m.start(2) - 1
        # duplicate heading (catchword left behind, or OCR repeated the heading)
        if markers and any(v == expected - 1 for v, _ in readings):
            last = markers[-1]
            between = text[last.end : m.start()].strip()
            if len(between) < 25:
                last.end = (
                    m.end() if any(u for v, u in readings if v == expected - 1) else after_first
                )
                continue
        chosen = None
        for value, uses_extra in readings:
            end = m.end() if uses_extra else after_first
            if suffix and uses_extra is False and m.group(2):
                continue
            nxt = text[end : end + 25]
            if REF_NEXT_HARD.match(nxt):
                continue
            heading_like = re.match(r"[ \t]*\n|\s*\(\s?[1lIt]\s?[)\]1]|\s*[A-Z]", nxt)
            if prev in REF_WORDS and not (line_start and heading_like):
                continue
            if REF_NEXT_SOFT.match(nxt) and not strong:
                continue
            if value == expected:
                chosen = (value, end)
                break
            if (
                expected < value <= expected + (6 if line_start else 3)
                and strong
                and re.match(r"\s*[A-Z(]", nxt)
            ):
                chosen = (value, end)
                break
        if chosen is None:
            continue
        value, end = chosen
        skipped.extend(range(expected, value))
        markers.append(Marker(f"{value}{suffix}", m.start(), end))
        expected = value + 1
    return fill_pasal_gaps(text, markers, skipped)


# A heading misread beyond PASAL_RE: "PasalTT" (77), "PasaJ22O" (220), "Pasal 2 I 1" (211),
# "Pasa77" (7, its "l" read as 7), "Pasal 4\nO" (40), "pasal 3". Only accepted for a number missing
# from the sequence, between its neighbours, where a heading can stand.
LOOSE_PASAL_RE = re.compile(
    r"(?<![A-Za-z])[Pp]as[a-zA-Z]?[lIJ1\]t7]?(?=[\s0-9OoIlTtSsZB|])"
    r"((?:\s{0,2}[0-9OoIlTtSsZB|]){1,4})(?![A-Za-z0-9])"
)
_LOOSE_DIGITS = {"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "T": "7", "S": "5", "s": "5"}
_LOOSE_DIGITS |= {"Z": "2", "B": "8"}


def _loose_readings(token: str) -> set[int]:
    """Numbers a misread heading number may stand for ("T2" -> 72, "2 I 1" -> 211, "77" -> 7)."""
    chars = re.sub(r"\s", "", token)
    readings: set[str] = {""}
    for ch in chars:
        options = {_LOOSE_DIGITS.get(ch, ch)} | ({"1", "7"} if ch in "tT" else set())
        readings = {r + o for r in readings for o in options}
    out = {int(r) for r in readings if r.isdigit()}
    if chars[:1] in ("7", "1", "I", "l"):  # the "l" of "Pasal" read as a digit: "Pasa77"
        out |= _loose_readings(chars[1:]) if len(chars) > 1 else set()
    return out


def fill_pasal_gaps(
    text: str, markers: list[Marker], skipped: list[int]
) -> tuple[list[Marker], list[int]]:
    """Recover headings of skipped numbers from misread forms found between their neighbours."""
    if not skipped:
        return markers, skipped
    missing = set(skipped)
    found: list[Marker] = []
    bounds = [0] + [m.start for m in markers] + [len(text)]
    for m in LOOSE_PASAL_RE.finditer(text):
        prev = _prev_word(text, m.start())
        if prev in REF_WORDS or not re.match(r"\s*[A-Z(]", text[m.end() : m.end() + 3]):
            continue
        for value in sorted(_loose_readings(m.group(1)) & missing):
            if _between_neighbours(value, m.start(), markers, bounds):
                found.append(Marker(str(value), m.start(), m.end()))
                missing.discard(value)
                break
    merged = sorted(markers + found, key=lambda mk: mk.start)
    return merged, [n for n in skipped if n in missing]


def _between_neighbours(value: int, pos: int, markers: list[Marker], bounds: list[int]) -> bool:
    """The position lies after the heading of the number below and before the number above."""
    lower = [m for m in markers if _num(m) < value]
    upper = [m for m in markers if _num(m) > value]
    after = max((m.end for m in lower), default=bounds[0])
    before = min((m.start for m in upper), default=bounds[-1])
    return after <= pos < before


def _num(marker: Marker) -> int:
    return int(re.match(r"\d+", marker.number).group())  # type: ignore[union-attr]


def find_ayat_markers(text: str) -> list[Marker]:
    """Sequential ayat markers '(1)', '(2)'... at the start of a sentence or line."""
    markers: list[Marker] = []
    expected = 1
    for m in AYAT_RE.finditer(text):
        token = m.group(1)
        values = {v for v, _ in _readings(token, None)}
        if len(token) >= 2 and token[-1] in "1l":
            values |= {v for v, _ in _readings(token[:-1], None)}
        if expected not in values:
            continue
        raw = m.group(0)
        if len(token) >= 2 and token[-1] in "1l" and int(token.translate(_OCR_DIGITS)) != expected:
            end = m.end()  # "(21" read as "(2)"
        elif raw.endswith((")", "]")):
            end = m.end()
        else:
            continue
        prev = _prev_word(text, m.start())
        if prev in ("ayat", "dan", "atau", "pada", "dalam", ","):
            continue
        if markers or m.start() > 3:
            sentence_start = _is_line_start(text, m.start()) or re.search(
                r"[.:;]\s*$", text[: m.start()][-4:]
            )
            capital_next = re.match(r"\s*[A-Z]", text[end : end + 3])
            if not (sentence_start or capital_next):
                continue
        markers.append(Marker(str(expected), m.start(), end))
        expected += 1
    if markers and markers[0].start > 3:
        return []  # ayat must open the Pasal; otherwise these are stray parentheses
    return markers


def find_angka_markers(text: str) -> list[Marker]:
    """Sequential numbered items '1.', '2.' (definitions in Pasal 1); tolerates a lost number or two
    and a list whose '1.' was swallowed by the lead-in sentence."""
    markers: list[Marker] = []
    expected = 1
    for m in ANGKA_RE.finditer(text):
        token = m.group(1).replace(" ", "").translate(_OCR_DIGITS)
        if not token.isdigit():
            continue
        value = int(token)
        first_ok = not markers and value <= 4  # earlier items may be swallowed by the lead-in
        if value == expected or (first_ok or markers) and expected < value <= expected + 3:
            markers.append(Marker(str(value), m.start(), m.end()))
            expected = value + 1
    return markers


def segments(text: str, markers: list[Marker], end: int | None = None) -> list[tuple[Marker, str]]:
    """Text of each marker up to the next one."""
    out = []
    stop = len(text) if end is None else end
    for i, marker in enumerate(markers):
        nxt = markers[i + 1].start if i + 1 < len(markers) else stop
        out.append((marker, text[marker.end : nxt]))
    return out


def missing_pasal_numbers(chunks: list) -> dict[str, list[int]]:  # list[Chunk]
    """Every Pasal number absent from each document's batang tubuh sequence (1..highest found)."""
    seen: dict[str, set[int]] = {}
    for chunk in chunks:
        if chunk.part != "batang_tubuh" or not chunk.pasal:
            continue
        number = re.match(r"\d+", chunk.pasal)
        if number:
            seen.setdefault(chunk.doc, set()).add(int(number.group()))
    return {
        doc: gaps
        for doc, numbers in sorted(seen.items())
        if (gaps := [n for n in range(1, max(numbers) + 1) if n not in numbers])
    }
