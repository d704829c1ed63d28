"""Legal instruments named in a text ("Peraturan Pemerintah Nomor 10 Tahun 1983 tentang …",
"Peraturan Menteri yang menyelenggarakan urusan pemerintahan di bidang aparatur negara",
"Peraturan Kepala BKN"): kind, number, year, field and title, with OCR-tolerant patterns."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from assistant.documents import Chunk, Part

# kind code -> (label of the unnumbered instrument, pattern of its name)
_FIELD = r"(?:di\s+bidang|dalam)\s+(?P<{g}>[A-Za-z'/ ]{{3,90}})"
_KINDS: dict[str, tuple[str, str]] = {
    "perppu": ("Perppu", r"Peraturan\s+Pemerintah\s+Pengganti\s+Undang[-\s]*Undang|\bPerppu\b"),
    "uu": ("Undang-Undang", r"Undang[-\s]*Undang(?!\s*Dasar)|\bUU\b"),
    "pp": ("Peraturan Pemerintah", r"Peraturan\s+Pemerintah|\bPP\b"),
    "perpres": ("Peraturan Presiden", r"Peraturan\s+Presiden|\bPerpres\b"),
    "keppres": ("Keputusan Presiden", r"Keputusan\s+Presiden|\bKeppres\b"),
    "inpres": ("Instruksi Presiden", r"Instruksi\s+Presiden|\bInpres\b"),
    "perbkn": (
        "Peraturan BKN",
        r"Peraturan\s+(?:Kepala\s+)?(?:BKN|Badan\s+Kepegawaian\s+Negara)|\bPerka\s+BKN\b",
    ),
    "kepbkn": (
        "Keputusan Kepala BKN",
        r"Keputusan\s+Kepala\s+(?:BKN|Badan\s+Kepegawaian\s+Negara)",
    ),
    "perlan": (
        "Peraturan LAN",
        r"Peraturan\s+(?:Kepala\s+)?(?:LAN|Lembaga\s+Administrasi\s+Negara)",
    ),
    "perkasn": (
        "Peraturan KASN",
        r"Peraturan\s+(?:Ketua\s+)?(?:KASN|Komisi\s+Aparatur\s+Sipil\s+Negara)",
    ),
    "perlembaga": (
        "Peraturan Lembaga",
        r"Peraturan\s+Lembaga\s+(?:pemerintah\s+non\s*-?\s*kementerian\s+)?yang\s+menyelenggarakan"
        r"\s+tugas\s+pemerintahan\s+" + _FIELD.format(g="f_lembaga"),
    ),
    "permen": (
        "Peraturan Menteri",
        r"(?:Peraturan\s+(?:M|Iv[lI])en[tf]e[rf]i|\bPermen)(?:\s+yang\s+menyelenggarakan\s+urusan"
        r"\s+pemerintahan\s+" + _FIELD.format(g="f_permen") + r"|\s*(?P<m_permen>"
        r"Pendayagunaan\s+Aparatur\s+Negara(?:\s+dan\s+Reformasi\s+Birokrasi)?|PAN\s*-?\s*RB|"
        r"(?<=Permen)pan(?:rb)?|Keuangan|Dalam\s+Negeri))?",
    ),
    "kepmen": (
        "Keputusan Menteri",
        r"Keputusan\s+Menteri(?:\s+yang\s+menyelenggarakan\s+urusan\s+pemerintahan\s+"
        + _FIELD.format(g="f_kepmen")
        + r"|\s+(?P<m_kepmen>Pendayagunaan\s+Aparatur\s+Negara|Keuangan|Dalam\s+Negeri))?",
    ),
}
_DIGIT = r"[0-9OoIl|]"
_NUMBERED = (
    r"(?:\s+Republik\s+Indonesia)?\s*,?\s*(?:Nomor|No\.?)\s*(?P<num>" + _DIGIT + r"{1,4})"
    r"\s*,?\s*(?:Tahun|Th\.?|/)\s*(?P<year>[12]" + _DIGIT + r"{3})\b"
)
INSTRUMENT = re.compile(
    "(?:" + "|".join(f"(?P<k_{k}>{p})" for k, (_, p) in _KINDS.items()) + ")"
    "(?:" + _NUMBERED + r")?(?P<self>\s+ini\b)?",
    re.IGNORECASE,
)
_FIELD_STOP = {
    "setelah", "sebagaimana", "paling", "dan/atau", "yang", "untuk", "serta", "sesuai", "dengan",
    "pada", "mengenai", "tentang", "atas", "ini", "dan", "atau", "selaku", "melaporkan",
    "menteri", "kepala", "nomor", "tahun",
}  # fmt: skip
_PANRB_FIELDS = ("aparatur negara",)
_AFTER_COMMA = r"sebagaimana|yang|dicabut|dinyatakan|serta|maka|sudah|telah|tidak|dan\s+(?:Peraturan|Undang|Pasal)"
_TITLE_END = re.compile(
    r"\s*(?:\(|;|\)|,\s*(?=" + _AFTER_COMMA + r"|\d)|,\s*$|\b(?:" + _AFTER_COMMA + r")\b|"
    r"\bdan\s+dinyatakan\b|\.\s|\.$|$)"
)
_INITIAL_L = re.compile(r"\bl(?=[zndmkgbpftcsjr][a-z])")
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})


@dataclass(frozen=True)
class Instrument:
    """A named legal instrument: its kind, and number/year when the text gives them."""

    kind: str
    number: str | None = None
    year: int | None = None
    field: str | None = None  # the minister's / institution's field for Permen, Kepmen, Lembaga

    @property
    def key(self) -> str:
        base = self.kind
        if self.kind in ("permen", "kepmen", "perlembaga") and self.field:
            base = f"{self.kind}-{re.sub(r'[^a-z0-9]+', '-', self.field).strip('-')}"
        if self.kind == "permen" and self.field in _PANRB_FIELDS:
            base = "permenpanrb"
        return f"{base}-{self.number}-{self.year}" if self.number and self.year else base

    @property
    def label(self) -> str:
        if self.kind == "permen" and self.field in _PANRB_FIELDS:
            name = "Peraturan Menteri PANRB"
        elif self.field:
            name = f"{_KINDS[self.kind][0]} (bidang {self.field})"
        else:
            name = _KINDS[self.kind][0]
        short = {"uu": "UU", "pp": "PP", "perpres": "Perpres", "keppres": "Keppres"}
        if self.number and self.year:
            return f"{short.get(self.kind, name)} {self.number}/{self.year}"
        return name


@dataclass(frozen=True)
class Mention:
    instrument: Instrument
    start: int
    end: int
    title: str | None
    title_strength: int  # 2: ends at "(Lembaran …"; 1: at ";" "," "."; 0: runs on; -1: ALL CAPS
    is_self: bool  # "Peraturan Pemerintah ini"


def _number(token: str | None) -> str | None:
    if not token:
        return None
    digits = token.translate(_OCR_DIGITS)
    return str(int(digits)) if digits.isdigit() else None


def _field(raw: str | None) -> str | None:
    """The minister's / institution's field, cut where the running sentence resumes."""
    if not raw:
        return None
    words = raw.replace("'", "").lower().split()
    kept: list[str] = []
    for i, word in enumerate(words):
        joins = word == "dan" and kept and i + 1 < len(words) and words[i + 1] not in _FIELD_STOP
        if (word in _FIELD_STOP and not joins) or len(kept) >= 4:
            break
        kept.append(word)
    while kept and kept[-1] in ("dan", "atau"):
        kept.pop()
    text = " ".join(kept).strip(" ,.;").replace("-", " ")
    if re.match(r"(pendayagunaan )?aparatur negara|pan ?rb|pan$", text):
        return "aparatur negara"
    return text or None


def instrument_of(m: re.Match[str], field_hint: str | None = None) -> Instrument | None:
    kind = next(k for k in _KINDS if m.group(f"k_{k}"))
    number, year = _number(m.group("num")), _number(m.group("year"))
    if year is not None and not 1945 <= int(year) <= 2035:
        number = year = None
    raw = next(
        (m.group(g) for g in ("f_lembaga", "f_permen", "m_permen", "f_kepmen", "m_kepmen")
         if g in m.re.groupindex and m.group(g)),
        None,
    )  # fmt: skip
    field = _field(raw)
    if kind in ("permen", "kepmen") and not field and not number:
        field = field_hint  # a bare "Peraturan Menteri": the document's own Menteri (Pasal 1)
    return Instrument(kind, number if year else None, int(year) if year and number else None, field)


def _title(text: str, end: int) -> tuple[str | None, int]:
    rest = text[end : end + 400]
    lead = re.match(r"\s*,?\s*tentang\s+", rest, re.IGNORECASE)
    if not lead:
        return None, 0
    body = rest[lead.end() :]
    # a title may itself name a regulation ("Perubahan atas PP 32/1979 tentang …"): skip over it
    stop = _TITLE_END.search(body)
    cut = stop.start() if stop else len(body)
    title = " ".join(body[:cut].split()).strip(" ,.;")
    title = _INITIAL_L.sub("I", title)  # OCR "lzin", "lndonesia": no word starts "lz", "ln"
    title = title[:1].upper() + title[1:]
    after = body[cut:].lstrip()
    strength = 2 if after.startswith("(") else 1 if after[:1] in (";", ",", ".", "") else 0
    if title.isupper() or sum(w.isupper() for w in title.split()) > len(title.split()) // 2:
        strength = -1  # a document's own ALL-CAPS heading, run into the next line
    if not title or len(title.split()) > 30:
        return None, 0
    return title, strength


def find_mentions(text: str, field_hint: str | None = None) -> Iterator[Mention]:
    """Every instrument named in ``text`` (numbered or not), in order."""
    for m in INSTRUMENT.finditer(text):
        inst = instrument_of(m, field_hint)
        if inst is None:
            continue
        title, strength = _title(text, m.end()) if inst.number else (None, 0)
        yield Mention(inst, m.start(), m.end(), title, strength, bool(m.group("self")))


def menteri_field(chunks: Iterable[Chunk]) -> str | None:
    """The field of "Menteri" as the document defines it in Pasal 1 ("Menteri adalah menteri yang
    menyelenggarakan urusan pemerintahan di bidang …"): what a bare "Peraturan Menteri" means there."""
    for c in chunks:
        if c.pasal != "1" or c.part != Part.BATANG_TUBUH:
            continue
        m = re.search(
            r"\bMenteri\s+adalah\s+menteri\s+yang\s+menyelenggarakan\s+urusan\s+pemerintahan\s+"
            r"(?:di\s+bidang|dalam)\s+([^.;]{3,90})",
            c.text,
        )
        if m:
            return _field(m.group(1))
    return None
