"""Follow-up questions → stand-alone search queries, by small deterministic rules.

"Berapa lama cuti tahunan PNS?" followed by "kalau PPPK bagaimana?" becomes
"Berapa lama cuti tahunan PPPK?": the new question names a subject (PPPK) of the same kind as one in
the previous question (PNS), so it takes its place. Aspects (hak → kewajiban) and levels
(berat → sedang) are swapped the same way; a Pasal without a document inherits the previous document;
anything else is appended to the previous question. No model, no randomness: trainers can explain it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKERS = (
    "bagaimana dengan",
    "gimana dengan",
    "bagaimana kalau",
    "gimana kalau",
    "bagaimana jika",
    "and what about",
    "what about",
    "how about",
    "and for",
    "dan untuk",
    "untuk yang",
    "kalau",
    "kalo",
    "klo",
    "jika",
    "terus",
    "trus",
    "lalu",
    "lantas",
    "sedangkan",
    "adapun",
    "and",
)
_MARKER_RE = re.compile(r"^\s*(?:" + "|".join(re.escape(m) for m in _MARKERS) + r")\b[\s,]*", re.I)

_LEAD_RE = re.compile(
    r"^\s*(apa\s+saja|apakah|apa|berapa\s+lama|berapa\s+banyak|berapa|bagaimana|gimana|siapa|"
    r"kapan|mengapa|kenapa|what\s+are|what\s+is|how\s+long|how\s+many|how\s+much|how|who|when)\b",
    re.I,
)

CATEGORIES: dict[str, tuple[str, ...]] = {
    "subjek": (
        "pegawai pemerintah dengan perjanjian kerja",
        "pegawai negeri sipil",
        "pegawai asn",
        "pppk paruh waktu",
        "calon pns",
        "cpns",
        "pppk",
        "pns",
        "asn",
        "pejabat pimpinan tinggi",
        "pejabat fungsional",
        "pejabat administrator",
        "pejabat pengawas",
        "pejabat pembina kepegawaian",
        "civil servants",
        "civil servant",
    ),
    "aspek": (
        "hukuman disiplin",
        "kenaikan pangkat",
        "penilaian kinerja",
        "pengembangan kompetensi",
        "masa kerja",
        "cuti tahunan",
        "cuti besar",
        "cuti sakit",
        "cuti melahirkan",
        "kewajiban",
        "larangan",
        "sanksi",
        "hukuman",
        "cuti",
        "gaji",
        "tunjangan",
        "pensiun",
        "fungsi",
        "tugas",
        "peran",
        "wewenang",
        "syarat",
        "pemberhentian",
        "pengangkatan",
        "mutasi",
        "hak",
        "rights",
        "obligations",
        "duties",
        "functions",
        "sanctions",
    ),
    "tingkat": ("ringan", "sedang", "berat"),
}
_CATEGORY_RE = {
    name: re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")(?:nya)?\b", re.I)
    for name, terms in CATEGORIES.items()
}
_DOC_RE = re.compile(
    r"\b(?:uu|undang-undang|pp|perpres|peraturan\s+(?:pemerintah|presiden|lan|bkn|menteri))\s*"
    r"(?:no\.?|nomor)?\s*\d+(?:\s*(?:/|tahun)\s*\d{4})?",
    re.I,
)
_PASAL_RE = re.compile(r"\bpasal\s+\d+", re.I)
_ANAPHORA_RE = re.compile(r"\b(tersebut|itu|hal ini|\w{3,}nya|it|that|those|them)\b", re.I)
_STOP = {
    "apa", "apakah", "saja", "berapa", "bagaimana", "gimana", "siapa", "kapan", "mengapa", "kenapa",
    "yang", "dan", "atau", "di", "ke", "dari", "untuk", "bagi", "dengan", "itu", "ini", "tersebut",
    "juga", "pula", "ya", "dong", "sih", "kah", "nya", "soal", "tentang", "mengenai", "the", "for",
    "of", "what", "how", "about", "is", "are", "a", "an", "to",
}  # fmt: skip
_WORD_RE = re.compile(r"[\w/.-]+", re.U)


@dataclass(frozen=True)
class Rewrite:
    query: str
    rule: str  # "asli" when the question already stands alone
    previous: str | None = None


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def _residual(question: str) -> str:
    """The question without the follow-up marker, the leading question word and trailing '?'."""
    text = _MARKER_RE.sub("", question, count=1)
    text = _LEAD_RE.sub("", text, count=1)
    return text.strip(" ?!.,")


def is_follow_up(question: str) -> bool:
    if _DOC_RE.search(question):
        return False
    content = [w for w in _words(_residual(question)) if w.lower() not in _STOP]
    if _MARKER_RE.match(question):
        return len(content) <= 6
    has_subject = bool(_CATEGORY_RE["subjek"].search(question))
    has_aspect = bool(_CATEGORY_RE["aspek"].search(question))
    if _PASAL_RE.search(question) or (
        len(_words(question)) <= 3 and not (has_subject and has_aspect)
    ):
        return True
    return not has_subject and bool(_ANAPHORA_RE.search(question)) and len(content) <= 6


def _swap(previous: str, question: str) -> tuple[str, list[str]] | None:
    """Replace, in the previous question, each category term the new question names."""
    text, changed = previous, []
    for name, pattern in _CATEGORY_RE.items():
        new = pattern.search(question)
        old = pattern.search(text)
        if new and old and new.group(1).lower() != old.group(1).lower():
            text = text[: old.start()] + new.group(1) + text[old.end() :]
            changed.append(name)
    return (text, changed) if changed else None


def _leftover(question: str, result: str) -> list[str]:
    """Content words of the follow-up that are not in the result yet ("sanksinya" counts as "sanksi")."""
    have = {w.lower() for w in _words(result)}
    words = []
    for w in _words(_residual(question)):
        term = next((m.group(1) for p in _CATEGORY_RE.values() if (m := p.fullmatch(w))), w)
        if term.lower() in _STOP or term.lower() in have:
            continue
        words.append(term)
        have.add(term.lower())
    return words


def _other_document(question: str, previous: str) -> str | None:
    """ "bagaimana dengan UU 5/2014?" → the previous question, about that document."""
    doc = _DOC_RE.search(question)
    if not doc or not _MARKER_RE.match(question):
        return None
    rest = _DOC_RE.sub("", _residual(question))
    if [w for w in _words(rest) if w.lower() not in _STOP and w.lower() != "menurut"]:
        return None
    if _DOC_RE.search(previous):
        return _DOC_RE.sub(doc.group(0), previous, count=1)
    return f"{previous.rstrip(' ?.')} menurut {doc.group(0)}?"


def rewrite(question: str, history: list[str]) -> Rewrite:
    """A stand-alone query for `question`, given the earlier stand-alone queries (oldest first)."""
    question = question.strip()
    if not history:
        return Rewrite(question, "asli")
    previous = history[-1].strip()
    other = _other_document(question, previous)
    if other:
        return Rewrite(other, "ganti dokumen", previous)
    if not is_follow_up(question):
        return Rewrite(question, "asli")
    if _PASAL_RE.search(question):
        doc = _DOC_RE.search(previous)
        if not doc:
            return Rewrite(question, "asli")
        return Rewrite(f"{question.rstrip(' ?')} {doc.group(0)}?", "dokumen sebelumnya", previous)
    swapped = _swap(previous, question)
    if swapped:
        text, used = swapped
        extra = _leftover(question, text)
        if extra:
            text = f"{text.rstrip(' ?.')} {' '.join(extra)}?"
        return Rewrite(text, "ganti " + "+".join(used), previous)
    base = _with_lead(question, previous)
    extra = _leftover(question, base)
    if not extra:
        return Rewrite(base, "ulang topik", previous)
    return Rewrite(f"{base.rstrip(' ?.')} {' '.join(extra)}?", "gabung topik", previous)


def _with_lead(question: str, previous: str) -> str:
    """The previous question asked with the follow-up's question word ("berapa lama?")."""
    lead = _LEAD_RE.match(_MARKER_RE.sub("", question, count=1))
    if not lead:
        return previous
    rest = _LEAD_RE.sub("", previous, count=1).strip(" ?")
    return f"{lead.group(1).capitalize()} {rest[:1].lower()}{rest[1:]}?"
