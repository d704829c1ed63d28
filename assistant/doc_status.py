"""Whether a document is still in force: "PP 24/1976 masih berlaku?", "UU 5/2014 sudah dicabut?".

The answer is read from the texts, not from memory: the revocation and amendment clauses extracted
at index time (the `relations` artifact) or, when nothing in the corpus revokes the document, its
own closing article ("… mulai berlaku pada tanggal diundangkan"). The direct answer states the
status first; the clause is quoted as its basis.
"""

from __future__ import annotations

import re

from assistant.documents import Chunk, DocInfo, DocStatus, Passage
from assistant.index_store import LoadedIndex
from assistant.references import PlaceRef

# "masih berlaku gak PP 99/2000?", "PP 53/2010 sudah dicabut?": a question about a document's status
_STATUS_QUESTION = re.compile(
    r"\b(?:masih\s+(?:berlaku|dipakai|dipake|laku|dipakai\s+gak)|"
    # "masih bisa dijadikan dasar penilaian?", "masih boleh dipakai sebagai acuan?"
    r"masih\s+(?:bisa\s+|boleh\s+|dapat\s+)?(?:dijadikan|jadi|dipakai|dipake|digunakan)\s+"
    r"(?:sebagai\s+)?(?:dasar|acuan|pedoman|rujukan|landasan)|"
    r"(?:sudah|udah|sdh)\s+(?:dicabut|"
    r"tidak\s+berlaku|gak\s+berlaku|ga\s+berlaku|diganti)|still\s+in\s+force|status\s+berlakunya)\b",
    re.I,
)
# a regulation's closing article: "Undang-Undang ini mulai berlaku pada tanggal diundangkan."
_ENTERS_INTO_FORCE = re.compile(r"\bini\s+mulai\s+berlaku\s+pada\s+tanggal\b", re.I)
# "PP itu", "peraturan tersebut" right before "masih berlaku": the document named before
_THAT_DOCUMENT = re.compile(
    r"\b(?:uu|pp|perpres|undang-undang|peraturan|aturan)\s+(?:itu|tsb|tersebut|ini)\s*$", re.I
)
# a question that asks something else beside the status ("… jabatan ASN terdiri atas apa saja?")
_OTHER_QUESTION = re.compile(
    r"\b(?:apa\s+saja|apa\s+aja|berapa|siapa|bagaimana|gimana|kapan|mengapa|kenapa|terdiri)\b", re.I
)


def asks_status(question: str, ref: PlaceRef) -> bool:
    """A question about the status of the document it names right beside the status words ("masih
    berlaku gak PP 99/2000?"), or of the one document it named a sentence before ("PP itu")."""
    status = _STATUS_QUESTION.search(question)
    if ref.pasal or not ref.known_docs or not status or _OTHER_QUESTION.search(question):
        return False
    if ref.docs[0].doc_id != ref.known_docs[0]:  # "UU 11/1969 masih dipakai …": not held
        return False
    mention = question.lower().find(ref.docs[0].text.lower())
    if mention < 0:
        return False
    end = mention + len(ref.docs[0].text)
    between = question[end : status.start()] if status.start() >= end else ""
    if status.start() < mention:
        between = question[status.end() : mention]
    apart = len(between) > 60 or re.search(r"[.,;?!]|\b(?:skrg|sekarang|kini)\b", between, re.I)
    # "… PP 24 Tahun 1976 … di formulir cuti. PP itu masih berlaku?": the one document named
    return not apart or (
        len(ref.known_docs) == 1 and bool(_THAT_DOCUMENT.search(question[: status.start()]))
    )


def status_passages(doc: DocInfo, index: LoadedIndex) -> list[tuple[Passage, str]]:
    """The clauses that revoke or amend `doc`, each with the relation's kind; else its own entry
    into force ("berlaku", or "diubah_tanpa_teks" when the amending text is not held)."""
    relations = (index.artifact("relations") or {}).get("relations", [])
    named = re.compile(rf"Nomor\s+{doc.number}\s+Tahun\s+{doc.year}\b", re.I)
    found: list[tuple[Passage, str]] = []
    for rel in relations:
        if rel.get("target_id") != doc.id or rel.get("reported"):
            continue
        if rel.get("kind") not in ("mencabut", "mencabut_sebagian", "mengubah"):
            continue
        place = re.match(r"Pasal\s+(\w+)(?:\s+ayat\s+\((\w+)\))?", str(rel.get("place") or ""))
        if not place:
            continue
        chunks = [c for c in index.by_pasal(rel["source"], place.group(1)) if c.searchable]
        chunks.sort(key=lambda c: (not named.search(c.text), c.ayat != place.group(2)))
        found += [(Passage(chunk=c, score=1.0, via="status"), rel["kind"]) for c in chunks[:1]]
    if not found and doc.status != DocStatus.DICABUT:
        # no text in the corpus revokes or amends it: its own entry into force is the basis
        closing = [
            c
            for c in index.by_document(doc.id)
            if c.part == "batang_tubuh" and _ENTERS_INTO_FORCE.search(c.text)
        ]
        held = index.info.get("documents", {})
        kind = "diubah_tanpa_teks" if any(d not in held for d in doc.diubah_oleh) else "berlaku"
        found += [(Passage(chunk=c, score=1.0, via="status"), kind) for c in closing[-1:]]
    return found[:3]


def status_sentence(
    doc: DocInfo, kind: str, source: Chunk, english: bool, scope: str, amenders: str
) -> str:
    """The direct answer to "masih berlaku?", from the relation read in the texts (`scope`: what a
    partial revocation leaves out, "sepanjang tidak mengatur …"; `amenders`: the documents that
    amend it, named)."""
    place = f"{source.doc_short} Pasal {source.pasal}" if source.pasal else source.doc_short
    place += f" ayat ({source.ayat})" if source.ayat else ""
    named = f"{doc.short} ({doc.title})"
    if kind in ("berlaku", "diubah_tanpa_teks"):
        changed = (
            f"; {doc.short} telah diubah dengan {amenders}, yang teksnya belum ada di korpus"
            if kind == "diubah_tanpa_teks"
            else ""
        )
        if english:
            amended = (
                f"; it was amended by {amenders}, whose text is not in the corpus"
                if kind == "diubah_tanpa_teks"
                else ""
            )
            return (
                f"In force: no regulation in the corpus revokes {named}{amended}. "
                f"Entry into force: {place}."
            )
        return (
            f"Masih berlaku: tidak ada peraturan di korpus yang mencabut {named}{changed}. "
            f"Mulai berlakunya: {place}."
        )
    if english:
        if kind == "mengubah":
            return f"Yes, as amended: {named} was amended by {place}."
        if kind == "mencabut_sebagian":
            return f"Only in part: {named} was revoked by {place} {scope}".rstrip() + "."
        return f"No longer in force: {named} was revoked by {place}."
    if kind == "mengubah":
        return f"Masih berlaku, dengan perubahan: {named} telah diubah dengan {place}."
    if kind == "mencabut_sebagian":
        return f"Sebagian: {named} dicabut oleh {place} {scope}".rstrip() + "."
    return f"Tidak berlaku lagi: {named} telah dicabut dan dinyatakan tidak berlaku oleh {place}."
