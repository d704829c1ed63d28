"""A provision as the composer reads it: sentences, ayat and list items, cleaned for quoting.

"(2) Jenis Hukuman Disiplin ringan ... terdiri atas:\na. teguran lisan; ..." becomes a lead-in unit
and item units that remember it, so an item can be read as a sentence of its own ("PNS dilarang
bekerja pada ..."). Stray ayat-marker runs left by OCR ("(1) (2) (3)") are removed; cuts are made
at word boundaries and marked with "…".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ITEM = re.compile(r"^\s*(?:(?:[a-z]|\d{1,2})\s*[.)]|[-•])\s+", re.I)
# the label a Penjelasan entry opens with ("Ayat (2) Pengisian …", "Huruf n l.lo Huruf n Angka 1 PNS
# …", OCR's "Ayat Atasan …" without its number): a place, said by the citation, not the answer
_EXPLANATION_LABEL = re.compile(
    r"^(?:(?:Ayat|Huruf|Angka)\s*(?:\(\s*\d+[a-z]?\s*\)|\d+[a-z]?\b|[a-z]\b)?\s+"
    r"(?:[^\sA-Z]\S{0,3}\s+)?)+(?=[A-Z])"
)
_BULLETS = re.compile(r"(?<=:)\s+-\s+(?=\S)")  # "alat yang umum digunakan: - Spreadsheet - Python"
_RULE_LINE = re.compile(r"\s*-{3,}\s*$")  # a Markdown rule ("---") ending a training-module part
_JUNK_ITEM = re.compile(r"^(?:\S{1,4}\s+){1,2}(?=(?:[a-z]|\d{1,2})\.\s)")  # "5.i A e. bekerja"
_AYAT = re.compile(r"^\s*\(\d+[a-z]?\)\s*")
_OCR_AYAT = re.compile(
    r"^\s*\(\d{1,2}[lt1]?\s+(?=[A-Z])"
)  # "(21 Hukuman ..." is OCR's "(2) Hukuman ..."
_MARKER_RUN = re.compile(r"(?:\s*\(\s*\d+[a-z]?\s*[)t]){2,}\s*")
_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z(])|(?<=;)\s+(?=\d+\s*\()")  # "...; 60 (enam puluh)"
_CROSS_REF = re.compile(
    r",?\s*sebagaimana\s+dimaksud\s+(?:pada|dalam)\s+(?:(?:ayat|Pasal|huruf|angka)\s+\(?[\dA-Za-z]+\)?"
    r"\s*(?:(?:,|dan|atau|sampai\s+dengan)\s*)?)+",
)
_FIRST_ITEM = re.compile(  # "meliputi aspek: DISTRIBUSI II a. orientasi": the list starts a line
    r"(?<=:)[ \t]+(?:\S{1,12}[ \t]+){0,2}(?=a[ \t]*[.)][ \t])"
)
# an item's closing full stop followed by a sentence (not an abbreviation: "No.", "Rp.", "dr.")
_ITEM_END = re.compile(r"(?:(?<=\w{3})|(?<=\)))\.\s+(?=[A-Z][a-z]|\(\w{1,2}\)\s*[A-Z])")
_LETTER_ITEM = re.compile(r"^\s*([a-y])\s*[.)]\s")
NUMBER_REACH = 40  # characters a cut may run on to finish a number written out ("5 (lima) tahun")
_CUT_NUMBER = re.compile(
    r"\d[\d.,]*%?(?:\s*\([^()]{0,30}\)?)?$"
)  # a cut ending "5", "5 (lima" or "5 (lima)"
_SPELLED_NUMBER = re.compile(r"\d[\d.,]*%?\s*\([^()]{1,30}\)(?:\s+[a-z]+)?")  # "5 (lima) tahun"
_BOUND_END = re.compile(  # a cut ending "paling", "paling kurang", "selama": the value comes next
    r"\b(?:paling(?:\s+(?:kurang|sedikit|lama|singkat|lambat|cepat|banyak|tinggi|rendah))?"
    r"|sekurang-kurangnya|selambat-lambatnya|setinggi-tingginya|selama|sebesar|sebanyak)$",
    re.I,
)
_VALUE_NEXT = re.compile(  # what follows such a cut: a bound word left, then the number
    r"\s*(?:(?:kurang|sedikit|lama|singkat|lambat|cepat|banyak|tinggi|rendah)\s+)?(?=\d)", re.I
)
_TAIL = re.compile(r"[\s;,:.]*(?:\b(?:dan|atau|dan/atau)\b)?[\s;,:.]*$")


@dataclass
class Unit:
    """A sentence, ayat or list item of a provision, with the list lead-in it belongs to."""

    text: str
    lead: str = ""  # "PNS dilarang:" for the items of that list
    item: bool = False


def clean(text: str) -> str:
    """A provision without stray ayat-marker runs ("(1) (2) (3)") and with single spaces."""
    text = _MARKER_RUN.sub(" ", text)
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r"\s*\n\s*", "\n", text).strip()


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary (never mid-word) and mark the cut with '…'."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    tail = _CUT_NUMBER.search(cut)  # "… paling lama 5 (lima" would lose the number's words
    whole = _SPELLED_NUMBER.match(text, tail.start()) if tail else None
    if whole and limit < whole.end() <= limit + NUMBER_REACH:
        rest = text[whole.end() :].strip()
        return text[: whole.end()].rstrip(" ,;:") + (" …" if rest else "")
    space = cut.rfind(" ")
    cut = cut[:space] if space > limit * 0.5 else cut
    bound = _BOUND_END.search(cut)  # "… target kinerja paling …" would lose the value it bounds
    after = _VALUE_NEXT.match(text, len(cut)) if bound else None
    value = _SPELLED_NUMBER.match(text, after.end()) if after else None
    if value and value.end() <= limit + NUMBER_REACH:
        rest = text[value.end() :].strip()
        return text[: value.end()].rstrip(" ,;:") + (" …" if rest else "")
    return cut.rstrip(" ,;:") + " …"


def item_run(line: str) -> list[str]:
    """Items that OCR ran into one line, split at their markers when these follow in order:
    "a. 91 – ke atas: sangat baik b. 76 – 90: baik" -> ["a. 91 – ke atas: sangat baik", "b. ..."]."""
    first = _LETTER_ITEM.match(line)
    if not first:
        return [line]
    out, letter = [], first.group(1)
    while letter < "z":
        letter = chr(ord(letter) + 1)
        nxt = re.search(rf"\s{letter}\s*[.)]\s", line)
        if not nxt:
            break
        out.append(line[: nxt.start()].strip())
        line = line[nxt.start() :].strip()
    return [*out, line]


def bullet_run(line: str) -> list[str]:
    """Markdown bullets written on one line after a lead-in: "Alat: - A - B" -> ["Alat:", "- A",
    "- B"] (a hyphen between words, "e-mail", is not a bullet: it has no spaces around it)."""
    line = _RULE_LINE.sub("", line)
    m = _BULLETS.search(line)
    if not m:
        return [line]
    items = re.split(r"\s+-\s+(?=\S)", line[m.end() :])
    return [line[: m.start()].strip(), *(f"- {item.strip()}" for item in items if item.strip())]


def lines(text: str) -> list[str]:
    """The lines of a cleaned provision, a list's first item and OCR-joined items on their own."""
    out: list[str] = []
    for line in _FIRST_ITEM.sub("\n", clean(text)).split("\n"):
        for part in bullet_run(line):
            out.extend(item_run(part))
    return out


def _item_and_rest(line: str) -> tuple[str, str]:
    """A list's last item and what OCR ran into it after its full stop, the next ayat without
    its marker: "i. … ditetapkan oleh PPK. Batas usia … dapat dikecualikan …" -> the item, and
    "Batas usia …" as sentences of their own (the list is over)."""
    start = _ITEM.match(line)
    end = _ITEM_END.search(line, start.end() if start else 0)
    if not end:
        return line, ""
    return line[: end.start() + 1], line[end.end() :]


def units(text: str) -> list[Unit]:
    """Split a provision into sentences, ayat and list items (items keep their lead-in)."""
    out: list[Unit] = []
    lead = ""
    for line in lines(text):
        line = line.strip()
        if not line:
            continue
        if lead and out and out[-1].item:
            line = _JUNK_ITEM.sub("", line)  # OCR debris before an item marker inside a list
        if _ITEM.match(line) and not _AYAT.match(line):
            item, line = _item_and_rest(line)
            out.append(Unit(item, lead, item=True))
            if not line:
                continue
        for sentence in _SENTENCE.split(line):
            sentence = sentence.strip()
            if sentence:
                out.append(Unit(sentence))
        lead = out[-1].text if out and out[-1].text.rstrip().endswith(":") else ""
    return out


def plain(text: str) -> str:
    """A unit as prose: no ayat/item marker, no cross-reference, no dangling 'dan'/'atau'."""
    text = _ITEM.sub("", _AYAT.sub("", _OCR_AYAT.sub("", text)), count=1).replace("**", "")
    text = _EXPLANATION_LABEL.sub("", text)
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", _CROSS_REF.sub(" ", text)))
    return _TAIL.sub("", text).strip()


# OCR debris after a provision's last full stop ("… oleh atasannya. n.", "… ini.: irlo I A.",
# "… memperpanjangnya. untuk."): a few short tokens, no digit, no capitalised word of its own
_DEBRIS_TAIL = re.compile(
    r"(?<=\.)(?:\s*:\s*|\s+)(?:[a-z'’]{1,6}|[A-Z]\b)(?:\s+(?:[a-z]{1,6}|[A-Z]\b)){0,3}\.?$"
)
DEBRIS_MAX_CHARS = 12


def sentence(text: str) -> str:
    text = text.strip()
    debris = _DEBRIS_TAIL.search(text)
    if debris and len(debris.group(0).strip()) <= DEBRIS_MAX_CHARS:
        text = text[: debris.start()]
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def joined(unit: Unit) -> str:
    """An item read together with its lead-in: 'PNS dilarang bekerja pada perusahaan asing ...'."""
    if unit.item and unit.lead:
        return f"{plain(unit.lead).rstrip(':')} {plain(unit.text)}"
    return plain(unit.text)


_NO_CONTENT = re.compile(  # what says nothing on its own: markers, "Cukup jelas", a bare lead-in
    r"\((?:\d+[a-z]?|[a-z])\)|\b(?:ayat|pasal|huruf|angka)\s+\S+|\bcukup\s+jelas\b|"
    r"\bdalam\s+[\w\s]{0,40}?\bini\s+yang\s+dimaksud\s+dengan\b|^\s*\S{1,3}[.)]",
    re.I | re.M,
)
CONTENT_WORDS = 2  # words of three letters or more a provision must say to answer anything


def has_content(text: str) -> bool:
    """Whether a provision says something: not only "Cukup jelas.", "(1)", or the lead-in
    "Dalam Peraturan Pemerintah ini yang dimaksud dengan:" whose items were split off."""
    return len(re.findall(r"[^\W\d_]{3,}", _NO_CONTENT.sub(" ", text))) >= CONTENT_WORDS
