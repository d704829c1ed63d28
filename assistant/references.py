"""Recognising places named in a question: "Pasal 24 UU 20/2023", "UU ASN pasal 55", "PP disiplin pasal 5"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.manifest import Manifest

_TYPE_WORDS = {
    "uu": "UU",
    "undang-undang": "UU",
    "undang undang": "UU",
    "undang2": "UU",
    "pp": "PP",
    "peraturan pemerintah": "PP",
    "perpres": "Perpres",
    "peraturan presiden": "Perpres",
    "perlan": "PerLAN",
    "peraturan lan": "PerLAN",
    "peraturan lembaga administrasi negara": "PerLAN",
    "permenpan": "PermenPAN",
    "permenpanrb": "PermenPAN",
    "permenpan-rb": "PermenPAN",
    "permen pan": "PermenPAN",
    "permen panrb": "PermenPAN",
    "peraturan menteri": "Permen",
    "permen": "Permen",
    "pmk": "Permen",
    "perka bkn": "PerBKN",
    "perkaban": "PerBKN",
    "peraturan bkn": "PerBKN",
    "peraturan kepala bkn": "PerBKN",
    "peraturan badan kepegawaian negara": "PerBKN",
    "perban": "PerBKN",
    "permendagri": "Permendagri",
    "perda": "Perda",
    "peraturan daerah": "Perda",
    "pergub": "Perkada",
    "perbup": "Perkada",
    "perwali": "Perkada",
    "perwal": "Perkada",
    "perkada": "Perkada",
    "peraturan gubernur": "Perkada",
    "peraturan bupati": "Perkada",
    "peraturan walikota": "Perkada",
    "peraturan wali kota": "Perkada",
    "keppres": "Keppres",
    "kepres": "Keppres",
    "keputusan presiden": "Keppres",
    "kepmen": "Kepmen",
    "kepmenpan": "Kepmen",
    "kepmenpanrb": "Kepmen",
    "keputusan menteri": "Kepmen",
    "skb": "SKB",
    "inpres": "Inpres",
    "instruksi presiden": "Inpres",
    "perppu": "Perppu",
    "perpu": "Perppu",
    "se": "SE",
    "surat edaran": "SE",
}
# Who issued it, written between the kind and the number: "SE Menpan 5/2022", "Permenpan RB no 1".
_ISSUER = (
    r"(?:\s*(?:-\s*)?(?:menteri\s+)?(?:menpan(?:\s*-?\s*rb)?|kemenpan(?:\s*-?\s*rb)?|pan\s*-?\s*rb|rb|"
    r"kepala\s+bkn|ka\s*bkn|bkn|mendagri|menkeu|sekda|gubernur|bupati|wali\s*kota|kepala\s+daerah|"
    r"kepala\s+lan|lan|bersama|(?:kab(?:upaten)?\.?\s+|kota\s+|provinsi\s+|prov\.?\s+)?[a-z]{3,}"
    r"(?=\s+(?:no|nomor)\b))\.?)?"
)
# Kinds of document named without a number ("SE Kepala BKN tentang media sosial"): none of these is
# in the corpus, so such a question is about a document we do not hold.
_KIND_ONLY_RE = re.compile(
    r"\b(?:se|surat\s+edaran)\s+(?:menteri\s+)?(?:menpan(?:\s*-?\s*rb)?|kemenpan(?:\s*-?\s*rb)?|"
    r"kepala\s+bkn|ka\s*bkn|bkn|mendagri|menkeu|sekda|gubernur|bupati|wali\s*kota|kepala\s+daerah|"
    r"kepala\s+lan|lan)\b|\bsurat\s+edaran\b|"
    r"\b(?:peraturan|perka|perkaban|perban)\s*(?:kepala\s+)?(?:bkn|badan\s+kepegawaian\s+negara)\b|"
    r"\b(?:perlan|perkalan|peraturan\s+(?:kepala\s+)?(?:lan|lembaga\s+administrasi\s+negara))\b|"
    r"\bpermen\s*-?\s*(?:pan(?:\s*-?\s*rb)?|dagri|keu|kes|dikbud|dikbudristek)\b|\bpermenpan(?:\s*-?\s*rb)?\b|"
    r"\bperaturan\s+menteri\s+(?:pan|pendayagunaan|dalam\s+negeri|keuangan)\b|\bpmk\b|"
    r"\bkep(?:men(?:pan(?:\s*-?\s*rb)?)?|pres)\b|\bkeputusan\s+(?:menteri|presiden|kepala\s+bkn|bersama)\b|"
    r"\bskb\s+(?:\d+\s+)?(?:menteri|tentang|ttg|netralitas|nomor|no\b|tahun|thn)|\bper(?:gub|bup|wali|wal|kada)\b|"
    r"\bperaturan\s+(?:daerah|gubernur|bupati|wali\s*kota)\b|\binpres\b|\binstruksi\s+presiden\b|"
    # a place in one of the codes ("Pasal 362 KUHP"): the corpus holds none of them
    r"\b(?:pasal|psl)\s*\d{1,4}[a-z]?\s+(?:ayat\s*\(?\d{1,2}\)?\s+)?(?:kuhp(?:erdata)?|kuhap|"
    r"kuh\s*(?:pidana|perdata|dagang)|kitab\s+undang-undang\s+hukum\s+\w+)\b",
    re.I,
)
_TYPE_RE = "|".join(sorted((re.escape(k) for k in _TYPE_WORDS), key=len, reverse=True))
_DOC_NUM_RE = re.compile(
    rf"\b({_TYPE_RE})\.?{_ISSUER}\s*(?:no(?:mor)?\.?\s*|nomer\s*)?(\d{{1,4}})\s*(?:/|tahun|thn|th\.?|th|,)\s*(?:tahun\s*|thn\s*)?(\d{{4}})\b",
    re.I,
)
_DOC_NUM_SHORT_RE = re.compile(
    rf"\b({_TYPE_RE})\.?\s*(?:no(?:mor)?\.?\s*)?(\d{{1,4}})\b(?!\s*(?:/|tahun))", re.I
)
_PASAL_RE = re.compile(r"\b(?:pasal|psl|ps\.|article)\s*(\d{1,3}[a-z]?)\b", re.I)
_AYAT_RE = re.compile(r"\b(?:ayat|paragraph)\s*\(?\s*(\d{1,2})\s*\)?", re.I)


def without_references(text: str) -> str:
    """The text with its references to documents and provisions blanked ("PP 24/1976", "Pasal 6
    ayat (2)"): their numbers are names, not quantities the question states."""
    for pattern in (_DOC_NUM_RE, _DOC_NUM_SHORT_RE, _PASAL_RE, _AYAT_RE):
        text = pattern.sub(" ", text)
    return text


@dataclass
class DocMention:
    doc_id: str | None  # None when the regulation is not in the manifest
    text: str  # as written, e.g. "UU 99/2030"
    type: str | None = None
    number: str | None = None
    year: int | None = None


@dataclass
class PlaceRef:
    docs: list[DocMention]
    pasal: str | None = None
    ayat: str | None = None

    @property
    def known_docs(self) -> list[str]:
        return [d.doc_id for d in self.docs if d.doc_id]

    @property
    def unknown_docs(self) -> list[DocMention]:
        return [d for d in self.docs if d.doc_id is None]


def _find_by_number(manifest: Manifest, dtype: str, number: str, year: int | None) -> str | None:
    for doc in manifest.documents.values():
        if (
            doc.type.lower() == dtype.lower()
            and doc.number == str(int(number))
            and (year is None or doc.year == year)
        ):
            return doc.id
    return None


def _kind_of(text: str) -> str | None:
    words = re.sub(r"\s+", " ", text.lower())
    for key in sorted(_TYPE_WORDS, key=len, reverse=True):
        if words.startswith(key):
            return _TYPE_WORDS[key]
    return None


def parse_reference(question: str, manifest: Manifest) -> PlaceRef:
    """Documents (by number or common name) and a Pasal/ayat named in the question."""
    text = question.lower()
    mentions: list[DocMention] = []
    spans: list[tuple[int, int]] = []
    for m in _DOC_NUM_RE.finditer(text):
        dtype = _TYPE_WORDS[re.sub(r"\s+", " ", m.group(1).lower())]
        year = int(m.group(3))
        doc_id = _find_by_number(manifest, dtype, m.group(2), year)
        mentions.append(DocMention(doc_id, m.group(0), dtype, m.group(2), year))
        spans.append(m.span())
    # aliases ("uu asn", "pp disiplin") — longest first, not overlapping a numbered mention
    aliases = sorted(
        ((alias, doc.id) for doc in manifest.documents.values() for alias in doc.aliases),
        key=lambda a: len(a[0]),
        reverse=True,
    )
    for alias, doc_id in aliases:
        for m in re.finditer(rf"\b{re.escape(alias)}\b", text):
            if any(s <= m.start() < e or s < m.end() <= e for s, e in spans):
                continue
            if doc_id not in [d.doc_id for d in mentions]:
                mentions.append(DocMention(doc_id, m.group(0)))
            spans.append(m.span())
    if not any(d.doc_id for d in mentions):
        for m in _KIND_ONLY_RE.finditer(text):
            if any(s <= m.start() < e for s, e in spans):
                continue
            mentions.append(DocMention(None, m.group(0), _kind_of(m.group(0))))
            spans.append(m.span())
    if not mentions:
        for m in _DOC_NUM_SHORT_RE.finditer(text):
            if any(s <= m.start() < e for s, e in spans):
                continue
            dtype = _TYPE_WORDS[re.sub(r"\s+", " ", m.group(1).lower())]
            doc_id = _find_by_number(manifest, dtype, m.group(2), None)
            if doc_id:
                mentions.append(DocMention(doc_id, m.group(0), dtype, m.group(2)))
    pasal = _PASAL_RE.search(question)
    ayat = _AYAT_RE.search(question)
    return PlaceRef(
        docs=mentions,
        pasal=pasal.group(1).upper()
        if pasal and not pasal.group(1).isdigit()
        else (pasal.group(1) if pasal else None),
        ayat=ayat.group(1) if ayat and pasal else None,
    )
