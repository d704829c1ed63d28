"""Shared types: document metadata, chunks, scored passages, citations and answers."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class DocStatus(StrEnum):
    BERLAKU = "berlaku"
    DICABUT = "dicabut"
    DIUBAH = "diubah"


class ProvisionStatus(StrEnum):
    """What a regulation's text says of one provision apart from its document's status (read at
    index time, indexer/relations.py; the values are the Chunk.provision_status strings)."""

    KEPT = "berlaku"  # kept in force inside a revoked document (PP 53/2010 Pasal 7 ayat (3))
    DEFERRED = "belum_berlaku"  # its application deferred by a transitional clause (PP 94/2021 Pasal 8 ayat (3))


class Part(StrEnum):
    PEMBUKAAN = "pembukaan"
    BATANG_TUBUH = "batang_tubuh"
    PENJELASAN = "penjelasan"
    LAMPIRAN = "lampiran"
    MATERI = "materi"


class DocInfo(BaseModel):
    """One document of the manifest (or an unlisted file found in a corpus dir)."""

    model_config = ConfigDict(frozen=True)

    id: str
    type: str  # UU | PP | Perpres | PerLAN | materi | lainnya
    number: str | None = None
    year: int | None = None
    title: str
    short: str  # "UU 20/2023"
    status: DocStatus = DocStatus.BERLAKU
    mencabut: tuple[str, ...] = ()
    mengubah: tuple[str, ...] = ()
    dicabut_oleh: tuple[str, ...] = ()
    diubah_oleh: tuple[str, ...] = ()
    source_url: str | None = None
    files: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    in_manifest: bool = True

    @property
    def is_regulation(self) -> bool:
        return self.type not in ("materi", "lainnya")


class Chunk(BaseModel):
    """One retrievable unit: an ayat, a Pasal without ayat, a definition, a Penjelasan entry..."""

    model_config = ConfigDict(frozen=True)

    id: str
    doc: str
    doc_short: str
    doc_title: str
    doc_status: DocStatus = DocStatus.BERLAKU
    part: Part
    bab: str | None = None
    bab_title: str | None = None
    bagian: str | None = None
    paragraf: str | None = None
    paragraf_title: str | None = None
    pasal: str | None = None
    ayat: str | None = None
    item: str | None = None  # huruf/angka inside the Pasal, e.g. "angka 3" or "huruf a"
    heading: str
    text: str
    source_file: str = ""
    order: int = 0
    searchable: bool = True  # False for "Cukup jelas." entries: shown, never retrieved
    original_text: str | None = None  # the OCR text before word repair, set only when repaired
    quality: str | None = None  # None = clean; "scrambled: <reason>" = check the official text
    # the law in force per provision (indexer/consolidate.py, indexer/relations.py; issue 11)
    amended_by: str | None = None  # doc id of the amendment that gave this wording ("pp-45-1990")
    amended_by_short: str | None = None  # its short name, for the label ("PP 45/1990")
    history: list[dict[str, str]] | None = None  # earlier wordings, oldest first
    superseded: bool = False  # an original wording replaced by an amendment (id ends "@asli")
    deleted: bool = False  # repealed by an amendment ("Pasal 11 dihapus"): shown, never retrieved
    provision_status: str | None = None  # a ProvisionStatus value, when a text says one
    status_basis: str | None = None  # the provision that says so ("PP 94/2021 Pasal 42 ayat (2)")

    @property
    def in_general_provisions(self) -> bool:
        """Pasal 1 of the batang tubuh: the Ketentuan Umum, where a regulation defines its terms."""
        return self.pasal == "1" and self.part == Part.BATANG_TUBUH

    @property
    def embed_text(self) -> str:
        """The text given to the embedder and the keyword index: heading trail + text."""
        return f"{self.heading}\n{self.text}"

    @property
    def label(self) -> str:
        """Human citation label, e.g. 'UU 20/2023 Pasal 24 ayat (1)'."""
        label = place_label(
            self.doc_short, self.part, self.pasal, self.ayat, self.item, self.heading
        )
        return amendment_label(label, self.amended_by_short, self.superseded, self.deleted)


def place_label(
    doc_short: str,
    part: Part | str,
    pasal: str | None,
    ayat: str | None,
    item: str | None = None,
    heading: str = "",
) -> str:
    """Format a citation place the way Indonesian legal writing does."""
    part = Part(part)
    if part == Part.MATERI:
        section = heading.split(" › ")[-1] if " › " in heading else ""
        return f"{doc_short} — {section}" if section else doc_short
    if pasal is None:
        names = {
            Part.PEMBUKAAN: "Pembukaan",
            Part.PENJELASAN: "Penjelasan Umum",
            Part.LAMPIRAN: "Lampiran",
        }
        return f"{doc_short} {names.get(part, '')}".strip()
    text = f"{doc_short} Pasal {pasal}"
    if ayat:
        text += f" ayat ({ayat})"
    if item:
        text += f" {item}"
    if part == Part.PENJELASAN:
        text = f"Penjelasan {text}"
    return text


def amendment_label(label: str, amended_by: str | None, superseded: bool, deleted: bool) -> str:
    """'PP 10/1983 Pasal 3 sebagaimana diubah dengan PP 45/1990' (or the original / repealed wording)."""
    if not amended_by:
        return label
    if deleted:
        return f"{label} (dihapus dengan {amended_by})"
    if superseded:
        return f"{label} (teks asli, sebelum diubah dengan {amended_by})"
    return f"{label} sebagaimana diubah dengan {amended_by}"


class Passage(BaseModel):
    """A chunk with the scores that brought it to the composer."""

    chunk: Chunk
    score: float = 0.0
    dense: float | None = None
    keyword: float | None = None
    fused: float | None = None
    rerank: float | None = None
    dense_rank: int | None = None
    keyword_rank: int | None = None
    support: float | None = None  # weighted share of the question's salient terms it holds
    holds_value: bool = False  # its condition holds a value the question states (quantities.py)
    via: str = "hybrid"  # hybrid | dense | keyword | reference | neighbour


class Citation(BaseModel):
    n: int
    id: str
    doc: str
    doc_short: str
    doc_title: str
    doc_status: DocStatus
    pasal: str | None
    ayat: str | None
    part: Part
    label: str
    text: str
    source_url: str | None = None
    note: str | None = None  # e.g. "dicabut oleh UU 20/2023"
    quality: str | None = None  # Chunk.quality: "scrambled: …" = quote with "periksa naskah resmi"
    repaired: bool = False  # words of this text were repaired from OCR (Chunk.original_text)


class AnswerStatus(StrEnum):
    ANSWERED = "answered"
    PARTIAL = "partial"
    NO_SOURCE = "no_source"
    MISSING_DOCUMENT = "missing_document"
    REFUSED = "refused"


class Answer(BaseModel):
    status: AnswerStatus
    answer: str
    # the answer-first part of `answer` (extractive backend): one to three sentences from the best
    # provision, before "Dasar hukum:"; None for refusals and LLM answers
    direct: str | None = None
    citations: list[Citation] = Field(default_factory=list)
    backend: str = "extractive"
    notes: list[str] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
    question: str = ""
    search_query: str = ""
    trace: dict[str, Any] | None = None
    # why an answer is not `answered` (machine-readable, stable): personal_record, not_in_corpus,
    # unknown_document, out_of_domain, injection, weak_sources, answer_type_mismatch, ...
    reason: str | None = None
