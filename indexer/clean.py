"""OCR repair of regulation texts: page headers, catchwords, misread digits and ayat markers."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_HEADER_WORDS = ("PRESIDEN", "REPUBLIKINDONESIA", "PRESIDENREPUBLIKINDONESIA", "SALINAN")
_PAGE_NUMBER = re.compile(r"^\s*-\s*\d+\s*-?\s*$|^\s*-\s*[0-9IlO]{1,3}\s*-\s*$")
_SK_CATCHWORD = re.compile(r"^\s*SK\s*No\.?\s*[0-9OIl ]+\s*[A-Z]?\s*$", re.I)
_TRAILING_DOTS = re.compile(r"(\.\s*){3,}$|…$")

# Inline forms of the same noise, for texts whose lines were merged.
_INLINE_HEADER = re.compile(
    r"\bP[RFT!\s]{0,4}E\s?S\s?[I!1l]\s?D\s?E\s?[NH]\S?\s+R\s?E\s?P\s?U\s?B\S{0,4}\s+\S{0,12}SIA\b"
)
# the same header misread further ("FRESTDEN REPUBLIK INDONESIA", "PFIES IDEN REPUBLIK INDONESIA",
# "PR trSIDE N REPUBLIK"): one or two shards that read as PRESIDEN, then REPUBLIK in capitals
_GARBLED_HEADER = re.compile(
    r"(?:\b[A-Za-z!]{1,10}\s+)?\b[A-Za-z!]{1,10}\s+(?:[A-Z]\s+)?REPUBLIK(?:\s+INDONESIA)?\b"
)
_INLINE_SK = re.compile(r"\bSK\s*No\.?\s*[0-9OIl]{4,}\s*[A-Z]?\b")
_INLINE_CATCH_DOTS = re.compile(r"\s\S{1,25}(?:\.\s?){3,}(?=\s)")
_JUNK_CHARS = set("^{}<>|\\~$")


def _letters(line: str) -> str:
    return re.sub(r"[^A-Z]", "", line.upper())


def is_page_header(line: str) -> bool:
    """PRESIDEN / REPUBLIK INDONESIA / -12- and their OCR variants."""
    stripped = line.strip()
    if not stripped:
        return False
    if _PAGE_NUMBER.match(stripped):
        return True
    if len(stripped) > 40 or stripped != stripped.upper():
        return False
    letters = _letters(stripped)
    if len(letters) < 5:
        return False
    return any(SequenceMatcher(None, letters, word).ratio() >= 0.75 for word in _HEADER_WORDS)


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def drop_page_furniture(lines: list[str]) -> list[str]:
    """Remove page headers, page numbers, 'SK No' footers and the catchword before a page break."""
    out: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if is_page_header(line) or _SK_CATCHWORD.match(line):
            # a page break: the last kept line may be the catchword that repeats the next page's start
            j = i
            while j < n and (
                not lines[j].strip() or is_page_header(lines[j]) or _SK_CATCHWORD.match(lines[j])
            ):
                j += 1
            following = _norm(" ".join(lines[j : j + 3]))[:120]
            while out and not out[-1].strip():
                out.pop()
            if out:
                last = out[-1].strip()
                stem = _norm(_TRAILING_DOTS.sub("", last))
                if len(last) <= 60 and (
                    _TRAILING_DOTS.search(last) or (stem and following.startswith(stem))
                ):
                    out.pop()
            i = j
            continue
        if _TRAILING_DOTS.search(line.strip()) and len(line.strip()) <= 40:
            i += 1  # a catchword whose page header was already lost
            continue
        out.append(line)
        i += 1
    return out


def _fix_number_token(token: str) -> str:
    return token.translate(
        str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "L": "1", "i": "1"})
    )


_YEARISH = re.compile(r"\b([12LlI][0-9OolIL]{3})\b")
_AFTER_KEYWORD = re.compile(
    r"\b(Pasal|Nomor|Tahun|ayat|Ayat|angka|NOMOR|TAHUN)\s*([0-9OolIL]{1,4})\b"
)
_GLUED_PASAL = re.compile(r"\bPasal(\d)")
# OCR misreadings of "Pasal" before a number: 'PasaL 27', 'PasaI 47', 'Pasat 67', 'Pasa1 245',
# 'Pasa] 333', 'Pasd 267'
_MISREAD_PASAL = re.compile(r"\bPas(?:a[LI1it\]]|d)(?=\s*\d)")
_SPLIT_PASAL = re.compile(r"\bPasal\s+[Il]\s?(\d)\b")
_AYAT_PAREN = re.compile(r"\(\s*([0-9lIt]{1,2})\s*[1l\]\)]\s*\)?")


def fix_digits(text: str) -> str:
    """'2Ol4' -> '2014', 'L945' -> '1945', 'Pasal 3O' -> 'Pasal 30', 'Pasal I 1' -> 'Pasal 11',
    'PasaL 27' -> 'Pasal 27'."""
    text = _MISREAD_PASAL.sub("Pasal", text)

    def year(m: re.Match[str]) -> str:
        token = m.group(1)
        if sum(ch.isdigit() for ch in token) >= 2 and not token.isdigit():
            fixed = _fix_number_token(token)
            if fixed.isdigit() and 1900 <= int(fixed) <= 2099:
                return fixed
        return token

    text = _YEARISH.sub(year, text)

    def keyword(m: re.Match[str]) -> str:
        token = m.group(2)
        if any(ch.isdigit() for ch in token) and not token.isdigit():
            return f"{m.group(1)} {_fix_number_token(token)}"
        return m.group(0)

    text = _AFTER_KEYWORD.sub(keyword, text)
    text = _GLUED_PASAL.sub(r"Pasal \1", text)
    return _SPLIT_PASAL.sub(r"Pasal 1\1", text)


# OCR's percent sign: "7Oo/o (tujuh puluh persen)", "600/o", "25oh", "4O%": only before the number
# written out in words, which proves it ("25o/o (dua puluh lima persen)" -> "25% (...)")
_MISREAD_PERCENT = re.compile(
    r"\b([1-9][0-9Oo]{0,2}?)(?:[Oo0]/[Oo0]|[Oo]h|%)(?=\s*\([^()]{0,40}\bpersen\))"
)


def fix_percent(text: str) -> str:
    """'7Oo/o (tujuh puluh persen)' -> '70% (tujuh puluh persen)'."""
    return _MISREAD_PERCENT.sub(lambda m: f"{_fix_number_token(m.group(1))}%", text)


def fix_references(text: str) -> str:
    """'ayat (21' -> 'ayat (2)', 'ayat (2]1' -> 'ayat (2)' inside references (not at markers)."""

    def ref(m: re.Match[str]) -> str:
        digits = _fix_number_token(m.group(2).replace("t", "1"))
        return f"{m.group(1)}({digits})"

    return re.sub(r"(\bayat\s)\(\s*([0-9lIt])\s*(?:[1l\]]\)?|\]|\))", ref, text)


_NORMAL_TOKEN = re.compile(
    r"[(\[\"'“‘]*[A-Za-z0-9][A-Za-z0-9/\-.,'&%+]*[)\]\"'”’]*[.,;:!?]*[)\]\"'”’]*"
    r"|[A-Za-z]+\(\d{1,2}\)[.,;:]*"
    r"|\(\d{1,2}\)[A-Za-z]*[.,;:]*"
    r"|[-–—:;,.=/&%+]{1,3}"
)


def _is_junk_token(token: str) -> bool:
    """OCR shards of footers and stamps: ',1,' '),16' 'il(' 'l0r.-'il'."""
    if not token:
        return False
    if any(ch in _JUNK_CHARS for ch in token):
        return True
    if _NORMAL_TOKEN.fullmatch(token) and not token.endswith("(") and not token.startswith(")"):
        return False
    return len(token) <= 12


def _garbled_header(m: re.Match[str]) -> str:
    """A match of _GARBLED_HEADER when its words before REPUBLIK read as PRESIDEN; the text
    ("PERATURAN PEMERINTAH REPUBLIK INDONESIA", "Negara Republik") otherwise."""
    words = m.group(0).split()
    at = next(i for i, w in enumerate(words) if w == "REPUBLIK")
    # the longest run of shards before REPUBLIK that reads as PRESIDEN ("PR trSIDE N"); a real word
    # in front spoils the match, and the run without it is tried next
    for start in range(at):
        letters = _letters("".join(words[start:at]))
        if len(letters) >= 5 and SequenceMatcher(None, letters, "PRESIDEN").ratio() >= 0.7:
            return " ".join([*words[:start], " "])
    return m.group(0)


def drop_inline_noise(text: str) -> str:
    """Remove merged-in page headers, footer numbers and runs of OCR junk tokens."""
    text = _INLINE_HEADER.sub(" ", text)
    text = _GARBLED_HEADER.sub(_garbled_header, text)
    text = _INLINE_SK.sub(" ", text)
    text = _INLINE_CATCH_DOTS.sub(" ", text)
    tokens = re.split(r"( +)", text)
    words = tokens[0::2]
    junk = [_is_junk_token(w) for w in words]
    keep = [True] * len(words)
    for idx, flag in enumerate(junk):
        if flag:
            keep[idx] = False
            # a lone ':' or short shard just before a junk token belongs to it
            if idx > 0 and re.fullmatch(r"[:;,.'\-]{1,2}", words[idx - 1]):
                keep[idx - 1] = False
    out = []
    for idx, word in enumerate(words):
        if keep[idx]:
            out.append(word)
    return re.sub(r" {2,}", " ", " ".join(out))


_DUP_MARKER = re.compile(
    r"(?<!\S)((?:\d{1,3}\.|[a-z]\.|\(\d{1,2}\)|Pasal \d+[A-Z]?|Bagian|BAB|Paragraf)(?:\s+\S+){0,3}?)\s+\1(?=\s)"
)


def drop_duplicated_catchwords(text: str) -> str:
    """'b. menghadiri b. menghadiri dan ...' -> 'b. menghadiri dan ...' (catchword left in line)."""
    return _DUP_MARKER.sub(r"\1", text)


def clean_text(raw: str) -> str:
    """Full OCR repair; keeps line breaks where the source had them."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\f", "\n")
    text = text.replace("^", "")
    lines = drop_page_furniture(text.split("\n"))
    cleaned = []
    for line in lines:
        line = drop_inline_noise(line.strip())
        line = fix_digits(line)
        line = fix_percent(line)
        line = fix_references(line)
        line = drop_duplicated_catchwords(line)
        cleaned.append(line.strip())
    text = "\n".join(cleaned)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
