"""The regulatory landscape the corpus itself describes: every instrument it names, and every
provision that delegates detail to another instrument ("ketentuan lebih lanjut … diatur dengan …").

Extracted from the chunk texts with OCR-tolerant patterns (no hand list). Written at index time as
the ``catalogue`` artifact; read at query time by ``assistant.landscape``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from assistant.documents import Chunk, DocInfo, Part

MENTIONS_CAP = 25  # chunk ids kept per catalogue entry (the count is kept in full)

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


def _instrument(m: re.Match[str], field_hint: str | None = None) -> Instrument | None:
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
        inst = _instrument(m, field_hint)
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


# ---------------------------------------------------------------- delegations

_DELEGATE_VERB = re.compile(
    r"\b(?:diatur|ditetapkan)\s+(?P<further>lebih\s+lanjut\s+)?(?:dengan|dalam)\s+", re.IGNORECASE
)
_TOPIC_LEAD = re.compile(
    r"[Kk]etentuan(?:\s+lebih\s+lanjut)?\s+(?:mengenai|tentang)\s+(?P<topic>[^.;:]*?)\s*$"
)
_TOPIC_BARE = re.compile(r"(?P<topic>[^.;:()]*?)\s*$")
_TOPIC_TAIL = re.compile(r"\s+(?:sebagaimana\s+dimaksud|yang\s+diatur|sesuai\s+dengan)\b.*$")
_REVOKES = re.compile(r"dicabut\s+dan\s+dinyatakan\s+tidak\s+berlaku", re.IGNORECASE)
# kinds whose unnumbered mention names one regulatory instrument family worth cataloguing
_GENERIC_KINDS = ("perbkn", "perlan", "perkasn", "perlembaga", "permen")


_NOT_DELEGATING = re.compile(
    r"\b(?:telah|sudah|yang|sebagaimana|belum|tidak|pernah|juga|masih|cukup)\s*$", re.IGNORECASE
)


def _topic(before: str, further: bool) -> str | None:
    window = before[-500:]
    if _NOT_DELEGATING.search(
        window
    ):  # "… telah diatur dalam PP 30/1980": a reference, not a delegation
        return None
    m = _TOPIC_LEAD.search(window)
    if m is None and further:
        m = _TOPIC_BARE.search(window)
    if m is None:
        return None
    topic = _TOPIC_TAIL.sub("", " ".join(m.group("topic").split()))
    topic = re.sub(r"^(?:\(\s*\d+\s*\)|\d+\.|Pasal\s+\d+[A-Z]?)\s*", "", topic).strip(" ,")
    return topic[:200] or None


def find_delegations(text: str, field_hint: str | None = None) -> list[tuple[Instrument, str]]:
    """(instrument, topic) for each "ketentuan (lebih lanjut) mengenai X diatur dengan Y" in text."""
    found: list[tuple[Instrument, str]] = []
    for verb in _DELEGATE_VERB.finditer(text):
        m = INSTRUMENT.match(text, verb.end())
        if m is None or m.group("self"):
            continue
        inst = _instrument(m, field_hint)
        topic = _topic(text[: verb.start()], bool(verb.group("further")))
        if inst is not None and topic:
            found.append((inst, topic))
    return found


# ---------------------------------------------------------------- the catalogue


def _doc_kind(doc: DocInfo) -> str:
    return doc.type.lower()


def _lookup(inst: Instrument, documents: dict[str, DocInfo]) -> DocInfo | None:
    if not (inst.number and inst.year):
        return None
    for doc in documents.values():
        if _doc_kind(doc) == inst.kind and doc.number == inst.number and doc.year == inst.year:
            return doc
    return None


def _best_title(titles: Counter[tuple[str, int]]) -> str | None:
    if not titles:
        return None
    (title, strength), _ = max(titles.items(), key=lambda kv: (kv[0][1], kv[1], -len(kv[0][0])))
    return title if strength >= 0 else title.title()


@dataclass
class _Entry:
    inst: Instrument
    count: int = 0
    chunks: list[str] | None = None
    docs: set[str] | None = None
    titles: Counter[tuple[str, int]] | None = None
    revoked_by: set[str] | None = None

    def add(self, chunk: Chunk, mention: Mention, revoking: bool) -> None:
        self.count += 1
        self.chunks = self.chunks or []
        if chunk.id not in self.chunks:
            self.chunks.append(chunk.id)
        self.docs = (self.docs or set()) | {chunk.doc}
        if mention.title:
            self.titles = self.titles or Counter()
            self.titles[(mention.title, mention.title_strength)] += 1
        if revoking and chunk.part == Part.BATANG_TUBUH:
            self.revoked_by = (self.revoked_by or set()) | {chunk.doc}


def _revoking_groups(chunks: list[Chunk]) -> set[tuple[str, str | None, str | None]]:
    """(doc, pasal, ayat) groups whose text says "… dicabut dan dinyatakan tidak berlaku"."""
    texts: dict[tuple[str, str | None, str | None], list[str]] = defaultdict(list)
    for c in chunks:
        if c.part == Part.BATANG_TUBUH and c.pasal:
            texts[(c.doc, c.pasal, c.ayat)].append(c.text)
    return {k for k, parts in texts.items() if _REVOKES.search(" ".join(parts))}


def _is_own(inst: Instrument, doc: DocInfo | None) -> bool:
    return bool(doc and _doc_kind(doc) == inst.kind and doc.number == inst.number
                and doc.year == inst.year)  # fmt: skip


def _collect(
    chunks: list[Chunk], documents: dict[str, DocInfo], hints: dict[str, str | None]
) -> dict[str, _Entry]:
    revoking = _revoking_groups(chunks)
    entries: dict[str, _Entry] = {}
    for c in chunks:
        if c.part == Part.MATERI:
            continue
        for mention in find_mentions(c.text, hints.get(c.doc)):
            inst = mention.instrument
            numbered = bool(inst.number)
            if mention.is_self or _is_own(inst, documents.get(c.doc)):
                continue
            if not numbered and inst.kind not in _GENERIC_KINDS:
                continue
            entry = entries.setdefault(inst.key, _Entry(inst))
            entry.add(c, mention, (c.doc, c.pasal, c.ayat) in revoking)
    return entries


def _implementers(
    entries: dict[str, _Entry], docs_of: dict[str, DocInfo], parts: dict[str, Part]
) -> dict[str, set[str]]:
    """Documents whose preamble (Mengingat) cites a held document: its likely implementing rules."""
    found: dict[str, set[str]] = defaultdict(set)
    for entry in entries.values():
        target = _lookup(entry.inst, docs_of)
        if target is None:
            continue
        for chunk_id in entry.chunks or []:
            if parts.get(chunk_id) == Part.PEMBUKAAN:
                found[target.id].add(chunk_id.split("/", 1)[0])
    return found


def _delegation(
    inst: Instrument, topic: str, chunk: Chunk, held_docs: dict[str, DocInfo],
    implementers: dict[str, set[str]],
) -> dict[str, object]:  # fmt: skip
    doc = _lookup(inst, held_docs)
    if inst.number:
        candidates = [doc.id] if doc else []
    else:
        kin = [d.id for d in held_docs.values() if _doc_kind(d) == inst.kind]
        if inst.kind in ("uu", "pp", "perpres"):
            kin = [d for d in kin if d in implementers.get(chunk.doc, set())]
        candidates = sorted(kin)
    status = "held" if doc else "possibly_held" if candidates else "not_held"
    return {
        "key": inst.key,
        "kind": inst.kind,
        "label": inst.label,
        "number": inst.number,
        "year": inst.year,
        "field": inst.field,
        "topic": topic,
        "status": status,
        "held": doc.id if doc else None,
        "candidates": candidates,
    }


def _entry_row(entry: _Entry, documents: dict[str, DocInfo], indexed: set[str]) -> dict:
    inst = entry.inst
    doc = _lookup(inst, documents)
    chunks = entry.chunks or []
    return {
        "key": inst.key,
        "kind": inst.kind,
        "label": inst.label,
        "number": inst.number,
        "year": inst.year,
        "field": inst.field,
        "title": _best_title(entry.titles or Counter()) or (doc.title if doc else None),
        "mentions": entry.count,
        "mentioned_in": chunks[:MENTIONS_CAP],
        "mentioned_by": sorted(entry.docs or ()),
        "in_manifest": doc.id if doc else None,
        "held": doc.id if doc and doc.id in indexed else None,
        "revoked_by": sorted(entry.revoked_by or ()),
    }


def build_catalogue(
    chunks: list[Chunk], documents: dict[str, DocInfo], indexed: set[str]
) -> dict[str, object]:
    """The ``catalogue`` artifact: {"entries": {key: entry}, "delegations": {chunk id: [..]}}."""
    by_doc: dict[str, list[Chunk]] = defaultdict(list)
    for c in chunks:
        by_doc[c.doc].append(c)
    hints = {doc: menteri_field(cs) for doc, cs in by_doc.items()}
    entries = _collect(chunks, documents, hints)
    held_docs = {k: d for k, d in documents.items() if k in indexed}
    implementers = _implementers(entries, held_docs, {c.id: c.part for c in chunks})
    delegations: dict[str, list[dict[str, object]]] = {}
    for c in chunks:
        if c.part == Part.MATERI:
            continue
        for inst, topic in find_delegations(c.text, hints.get(c.doc)):
            row = _delegation(inst, topic, c, held_docs, implementers)
            delegations.setdefault(c.id, []).append(row)
            if not inst.number and inst.kind not in ("uu", "pp", "perpres"):
                entries.setdefault(inst.key, _Entry(inst))
    for rows_chunk, rows in delegations.items():  # generic targets count their delegating chunks
        for row in rows:
            entry = entries.get(str(row["key"]))
            if entry is not None and not row["number"] and rows_chunk not in (entry.chunks or []):
                entry.chunks = [*(entry.chunks or []), rows_chunk]
                entry.docs = (entry.docs or set()) | {rows_chunk.split("/", 1)[0]}
                entry.count += 1
    rows = {k: _entry_row(e, documents, indexed) for k, e in sorted(entries.items())}
    return {"version": 1, "entries": rows, "delegations": delegations}
