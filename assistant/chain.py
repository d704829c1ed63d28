"""Answering a question: guard → reference lookup → retrieve → compose (extractive or LLM) → check."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from assistant import answerability, doc_status, refusals, temporal
from assistant.answerability import term_stats
from assistant.cite import check_answer, make_citations
from assistant.compose import (
    SANCTION_FORM,
    compose_answer,
    compose_extractive,
    expand_shorthand,
    format_sources,
    select,
)
from assistant.correspondence import is_doubtful, successor_note, successor_of
from assistant.documents import Answer, AnswerStatus, Chunk, DocStatus, Passage, ProvisionStatus
from assistant.errors import AsistenError, GeneratorError
from assistant.injection import is_injection
from assistant.landscape import delegation_note, delegations_for, find_referenced
from assistant.language import is_english
from assistant.manifest import status_note
from assistant.privacy import mask_pii
from assistant.quantities import asked_quantities
from assistant.ranking import Ranker, wants_definition
from assistant.references import DocMention, PlaceRef, parse_reference
from assistant.runtime import Runtime
from assistant.temporal import TimeFrame, names_by_number, time_frame
from assistant.text import definition_term, tokenize
from assistant.understand import (
    AnswerType,
    RequestClass,
    Understanding,
    general_question,
    understand,
)

INJECTION_MESSAGE = (
    "Maaf, permintaan ini meminta Asisten ASN mengabaikan atau mengubah aturannya, sehingga tidak "
    "dapat dipenuhi. Asisten hanya menjawab pertanyaan tentang regulasi ASN berdasarkan sumber resmi "
    "di korpus, dengan sitasi Pasal/ayat."
)
REFUSAL_SENTENCE = "Maaf, sumber yang tersedia tidak memuat jawaban atas pertanyaan ini."
# The best candidates looked at for a sanction before one is fetched through the rule it enforces
SANCTION_LOOKED_AT = 3
# Keyword hits looked through for a provision of the law in force, when an old provision's
# correspondence is doubtful or missing.
SUCCESSOR_SEARCH_DEPTH = 200
TOLD_MIN_WORDS = 3  # a telling of the old rule shorter than this names too little to search
TOLD_DEPTH = 5  # passages of the revoked laws searched for the rule a question tells
TOLD_MIN_MAPPING = 0.5  # correspondence score its provision in force must have to lead


@dataclass
class Confidence:
    """What the best passages look like to the answerability check (assistant/answerability.py
    makes the decision, with Settings.min_confidence and coverage_weight)."""

    dense: float
    coverage: float


@dataclass
class Prepared:
    """Everything decided before generation (shared by ask and stream)."""

    question: str
    status: AnswerStatus | None
    passages: list[Passage] = field(default_factory=list)
    message: str = ""
    notes: list[str] = field(default_factory=list)
    english: bool = False
    timings: dict[str, float] = field(default_factory=dict)
    trace: dict[str, Any] = field(default_factory=dict)
    understood: Understanding | None = None
    reason: str | None = None  # why the status is not `answered` (assistant/refusals.py REASONS)
    partial_reason: str | None = None
    partial_note: str = ""
    general: list[Passage] = field(default_factory=list)  # the general rule beside a refusal
    frame: TimeFrame | None = None
    temporal_notes: list[str] = field(default_factory=list)
    status_answer: str = ""  # "Tidak berlaku lagi: PP 24/1976 telah dicabut … oleh PP 11/2017 …"
    status_note: str = ""  # the same status as a note ("PP 24/1976 tidak berlaku lagi (…)")


def _grouped_labels(chunks: list[Chunk]) -> str:
    """ "PP 11/2017 Pasal 317, Pasal 316 ayat (2)": labels with each document named once."""
    by_doc: dict[str, list[str]] = {}
    for chunk in chunks:
        label = chunk.label
        rest = label[len(chunk.doc_short) :].strip() if label.startswith(chunk.doc_short) else label
        by_doc.setdefault(chunk.doc_short, []).append(rest)
    return "; ".join(f"{doc} {', '.join(parts)}".strip() for doc, parts in by_doc.items())


def _prompt(name: str) -> str:
    return resources.files("assistant.prompts").joinpath(name).read_text(encoding="utf-8")


# the term a definition question names right after its phrase (up to NAMED_TERM_WORDS words)
NAMED_TERM_WORDS = 4
_NAMES_TERM = re.compile(
    r"\b(?:yang\s+dimaksud(?:\s+dengan)?|dimaksud\s+dengan|apa\s+itu|pengertian|definisi|"
    r"definition\s+of|meaning\s+of)\s+"
    rf"(?:dari\s+|istilah\s+)?((?:[^\s,.?!;]+\s+){{0,{NAMED_TERM_WORDS - 1}}}[^\s,.?!;]+)",
    re.I,
)


def _named_documents(question: str, mentions: list[DocMention]) -> list[DocMention]:
    """The documents a question names, not the kinds it weighs ("ini diatur pake instruksi presiden
    atau perpres sih?": no Inpres is named; the question asks which kind of regulation applies)."""
    return [m for m in mentions if m.number or not _weighs_kind(question, m.text)]


def _weighs_kind(question: str, mention: str) -> bool:
    name = re.escape(mention)
    return bool(
        re.search(rf"{name}\s+(?:atau|ato|apa|or)\s+\w|\b(?:atau|ato|or)\s+{name}", question, re.I)
    )


class AnswerService:
    """The one way to answer a question; used by the CLI, the API and the evals."""

    def __init__(self, runtime: Runtime) -> None:
        self.rt = runtime
        self._generators: dict[str, Any] = {}

    # ---------------------------------------------------------------- helpers
    def generator(self, backend: str):  # noqa: ANN201
        if backend not in self._generators:
            from assistant.backends.generators import make_generator

            self._generators[backend] = make_generator(self.rt.settings, backend)
        return self._generators[backend]

    def corpus_summary(self) -> str:
        present = set(self.rt.index.info.get("documents", {}))
        regs = [
            d.short
            for d in self.rt.manifest.documents.values()
            if d.id in present and d.is_regulation
        ]
        return ", ".join(regs)

    def _missing_message(self, doc_ids: list[str]) -> str:
        docs = [self.rt.manifest.documents[d] for d in doc_ids]
        names = ", ".join(f"{d.short} tentang {d.title}" for d in docs)
        where = docs[0].source_url or "situs JDIH resmi"
        return (
            f"Dokumen {names} tercantum di manifest Asisten ASN tetapi teksnya belum tersedia di korpus, "
            f"sehingga isinya tidak dapat dikutip. Untuk menambahkannya: unduh PDF resminya (mis. dari {where}), "
            f"simpan di folder korpus sebagai {docs[0].id}.pdf, lalu jalankan `asisten index`. "
            f"Korpus saat ini memuat: {self.corpus_summary()}."
        )

    def confidence(self, question: str, passages: list[Passage]) -> Confidence:
        """How well the best passages match: dense similarity and share of query terms they contain."""
        q_tokens = set(tokenize(question))
        top = passages[:3]
        dense = max((p.dense or 0.0) for p in top) if top else 0.0
        if not q_tokens or not top:
            coverage = 0.0
        else:
            seen = set().union(*(set(tokenize(p.chunk.embed_text)) for p in top))
            coverage = len(q_tokens & seen) / len(q_tokens)
        return Confidence(dense, coverage)

    # ---------------------------------------------------------------- steps
    def _reference_passages(self, ref: PlaceRef) -> tuple[list[Passage], str | None]:
        """Exact lookup of a named Pasal; returns (passages, error message when it does not exist)."""
        index = self.rt.index
        doc_id = ref.known_docs[0]
        doc = self.rt.manifest.documents[doc_id]
        chunks = [c for c in index.by_pasal(doc_id, ref.pasal or "") if c.part == "batang_tubuh"]
        if not chunks:
            numbers = [int(n) for n in index.pasal_numbers(doc_id) if n.isdigit()]
            last = max(numbers) if numbers else 0
            if ref.pasal and ref.pasal.isdigit() and last and int(ref.pasal) > last:
                return [], (
                    f"Pasal {ref.pasal} tidak ada dalam {doc.short} tentang {doc.title}: "
                    f"peraturan ini hanya sampai Pasal {last}."
                )
            return [], (
                f"Pasal {ref.pasal} {doc.short} tidak ditemukan dalam teks korpus "
                f"(mungkin tidak ada, atau tidak terbaca dari hasil OCR)."
            )
        if ref.ayat:
            exact = [c for c in chunks if c.ayat == ref.ayat]
            if not exact and not any(c.ayat for c in chunks):
                # the OCR text of this Pasal has no separate ayat markers: show the whole Pasal
                return [Passage(chunk=c, score=1.0, via="reference") for c in chunks[:6]], None
            if not exact:
                ayats = sorted({c.ayat for c in chunks if c.ayat}, key=int)
                span = f"ayat ({ayats[0]}) sampai ({ayats[-1]})" if ayats else "tanpa ayat"
                return (
                    [],
                    f"{doc.short} Pasal {ref.pasal} tidak memiliki ayat ({ref.ayat}); Pasal ini {span}.",
                )
            chunks = exact + [c for c in chunks if c.ayat != ref.ayat]
        return [Passage(chunk=c, score=1.0, via="reference") for c in chunks[:6]], None

    def _corpus_mentions(self, question: str, ref: PlaceRef) -> bool:
        """Whether a regulation that is not in the corpus is at least discussed by it (e.g. a law a
        transitional provision refers to): then the question can still be answered from our texts."""
        passages = self.rt.retriever.search(question, k=10).passages[:10]
        for mention in ref.unknown_docs:
            if not (mention.number and mention.year):
                return False
            pattern = re.compile(rf"Nomor\s+{mention.number}\s+Tahun\s+{mention.year}\b", re.I)
            if not any(pattern.search(p.chunk.text) for p in passages):
                return False
        return True

    def _definition_passages(self, question: str, ref: PlaceRef) -> list[Passage]:
        """For "apa yang dimaksud dengan X": the Pasal 1 definitions whose term the question names."""
        if not wants_definition(question):
            return []
        # "apa yang dimaksud halusinasi pada AI ..., kenapa berbahaya buat ASN?": the term asked is
        # the one the phrase names, not "ASN" further on (nor "Disiplin PNS" of "PP Disiplin PNS,
        # yang dimaksud 'Masuk Kerja' ..."); when no regulation defines it, no definition is forced
        named = _NAMES_TERM.search(question)
        asked = named.group(1) if named else question
        q_tokens = set(tokenize(asked))
        words = set(re.findall(r"[a-z0-9]+", asked.lower()))
        found: list[tuple[float, Chunk]] = []
        for chunk in self.rt.index.definitions():
            if ref.known_docs and chunk.doc not in ref.known_docs:
                continue
            term, abbrev = definition_term(chunk.text)
            term_tokens = set(tokenize(term))
            # how much of the question the defined term accounts for: "Disiplin PNS" (2 words)
            # beats "PNS" (the abbreviation of "Pegawai Negeri Sipil", 1 word of the question)
            covered = len(term_tokens) if term_tokens and term_tokens <= q_tokens else 0
            if not covered and abbrev and abbrev.lower() in words:
                covered = 1
            if covered:
                status_rank = 0 if chunk.doc_status == DocStatus.BERLAKU else 1
                found.append((status_rank - covered * 0.01, chunk))
        found.sort(key=lambda pair: pair[0])
        return [Passage(chunk=c, score=1.0, via="definition") for _, c in found[:2]]

    def time_frame(self, question: str, ref: PlaceRef) -> TimeFrame:
        """Is the question about the law in force (default) or about the past?"""
        named = set(ref.known_docs)
        revoked, successors, old, replacing, amending = [], [], [], [], set()
        for doc_id in sorted(named):
            doc = self.rt.manifest.get(doc_id)
            if doc and (doc.mencabut or doc.mengubah):
                replacing.append(doc.short)
                if not doc.mencabut:  # an amendment only: before it, the original wording
                    amending.add(doc.short)
            if doc and doc.status == DocStatus.DICABUT:
                old.append(doc.short)
                # "after UU 5/2014 was replaced by UU 20/2023 ...": the old law is context; but
                # "UU ASN yang lama (UU 5/2014)" names the old one twice, not its successor
                both = [
                    short
                    for d in sorted(set(doc.dicabut_oleh) & named)
                    if names_by_number(question, short := self.rt.manifest.documents[d].short)
                    or not temporal.names_old_title(question)
                ]
                successors += both
                if not both:
                    revoked.append(doc.short)
        frame = time_frame(question, revoked, successors, old, replacing)
        if amending & set(frame.before):  # "sebelum PP 45/1990": the wording the amendment changed
            frame.original = True
        return frame

    def _revoked(self, doc_id: str) -> bool:
        doc = self.rt.manifest.get(doc_id)
        return doc is not None and doc.status == DocStatus.DICABUT

    def _subject_docs(self, ref: PlaceRef, frame: TimeFrame, question: str = "") -> set[str]:
        """The documents a question is about: those it names, and, when it names a revoked law but
        asks about today, the laws in force that replaced it. A document named only in a sentence
        about the past is context when the question asks about today (temporal.asked_part)."""
        named = set(ref.known_docs)
        if frame.past:
            for doc_id in list(named):  # "sebelum PP 11/2017 terbit": what it replaced
                doc = self.rt.manifest.get(doc_id)
                if doc and doc.short in frame.before:
                    replaced = set(doc.mencabut) | set(doc.mengubah)
                    named = (named - {doc_id}) | (replaced if not named & replaced else set())
            return named
        asked = temporal.asked_part(question, frame) if question else question
        if asked != question:  # a revoked one stays: its successor is found through it
            in_asked = set(parse_reference(asked, self.rt.manifest).known_docs)
            revoked = {d for d in named if self._revoked(d)}
            named = (in_asked | revoked) if in_asked else named
        for doc_id in list(named):
            doc = self.rt.manifest.get(doc_id)
            if doc and doc.status == DocStatus.DICABUT:
                named.update(doc.dicabut_oleh)
            if doc and doc.mengubah:  # what an amendment changed lives in the amended text
                named.update(doc.mengubah)
        return named

    def _changed_only(self, ref: PlaceRef, passages: list[Passage]) -> list[Passage]:
        """Of a regulation searched only because a named amendment changed it ("versi perubahan
        (PP 66/2017) berlaku mulai tanggal berapa?"), the provisions that amendment worded."""
        named = set(ref.known_docs)
        through = {
            amended
            for doc_id in named
            if (doc := self.rt.manifest.get(doc_id))
            for amended in doc.mengubah
            if amended not in named
        }
        if not through:
            return passages
        kept = [p for p in passages if p.chunk.doc not in through or p.chunk.amended_by in named]
        return kept or passages

    def _siblings(self, passages: list[Passage]) -> list[Passage]:
        """The other ayat of the given passages' Pasal (the answer is often in the next ayat:
        "(2) Uang duka tewas ... diberikan sebesar 6 (enam) kali Gaji"), in order, no repeats."""
        seen = {p.chunk.id for p in passages}
        out: list[Passage] = []
        for p in passages:
            for c in self.neighbours(p.chunk):
                same_time = c.superseded == p.chunk.superseded  # the wording of one time
                if c.part == p.chunk.part and c.searchable and same_time and c.id not in seen:
                    seen.add(c.id)
                    out.append(Passage(chunk=c, score=0.0, via="neighbour"))
        return out

    def neighbours(self, chunk: Chunk) -> list[Chunk]:
        """The other ayat of the same Pasal and its Penjelasan (available to the composer and the UI)."""
        if not chunk.pasal:
            return []
        return [c for c in self.rt.index.by_pasal(chunk.doc, chunk.pasal) if c.id != chunk.id]

    def _search(self, question: str, ref: PlaceRef):  # noqa: ANN202
        k = max(self.rt.settings.k, 10)
        # typos corrected (assistant/spelling.py) as the search corrects them: the time asked about
        # and the documents the question is about are read once, from the corrected words
        question_read = self.rt.retriever.correct(question).text
        frame = self.time_frame(question_read, ref)
        subject = self._subject_docs(ref, frame, question_read)
        scope = frozenset(subject) if ref.known_docs else None  # searched within those documents
        result = self.rt.retriever.search(question, k=k, docs=scope)
        if scope and not result.passages:
            result = self.rt.retriever.search(question, k=k)
        timings = {
            "retrieve": result.timings_ms["dense"]
            + result.timings_ms["keyword"]
            + result.timings_ms["fuse"],
            "rerank": result.timings_ms["rerank"],
        }
        question = question_read
        ranker = Ranker(self.rt.index, self.rt.manifest)
        ranked = ranker.rank(question, result.passages, subject, frame)
        if ref.known_docs:
            ranked = [p for p in ranked if p.chunk.doc in subject] or ranked
            ranked = self._changed_only(ref, ranked)
        ranked = self._with_sanction(question, ranked)
        definitions = self._definition_passages(question, ref)
        if definitions:
            top = ranked[0].score if ranked else 1.0
            ids = {p.chunk.id for p in definitions}
            for p in definitions:
                p.score = top * 1.01
            ranked = definitions + [p for p in ranked if p.chunk.id not in ids]
        return ranked, timings, result

    def _with_sanction(self, question: str, ranked: list[Passage]) -> list[Passage]:
        """ "… ga mau bayar bagian gaji, kena sanksi apa?": a regulation states its rule in one Pasal
        and the sanction for breaking it in another that cites it ("menolak melaksanakan ketentuan
        pembagian gaji sesuai dengan ketentuan Pasal 8, dijatuhi …"). When the question asks what
        befalls whoever breaks the rule and the best provision states no sanction, the provision of
        the same regulation that sanctions it answers, the rule itself beside it."""
        sanction = SANCTION_FORM
        if not ranked or not sanction.asks.search(question):
            return ranked
        top = ranked[0].chunk
        if not top.pasal or top.part != "batang_tubuh":
            return ranked
        if any(sanction.states.search(p.chunk.text) for p in ranked[:SANCTION_LOOKED_AT]):
            return ranked  # a source at hand states a sanction already (PP 94/2021 Pasal 41)
        cites = re.compile(
            rf"\b(?:melanggar|menolak\s+melaksanakan|tidak\s+melaksanakan)\b[^.;]{{0,120}}?"
            rf"\bPasal\s+{re.escape(top.pasal)}\b(?!\s*[A-Z0-9])",
        )
        found = [
            c
            for c in self.rt.index.by_document(top.doc)
            if c.part == "batang_tubuh"
            and c.searchable
            and c.pasal != top.pasal
            and cites.search(c.text)
            and sanction.states.search(c.text)
        ]
        if not found:
            return ranked
        ids = {c.id for c in found[:1]}
        added = [Passage(chunk=c, score=ranked[0].score * 1.01, via="sanksi") for c in found[:1]]
        return added + [p for p in ranked if p.chunk.id not in ids]

    def retrieve(self, question: str) -> list[Passage]:
        """The passages the assistant would use, best first: exact reference lookup or ranked hybrid
        retrieval (what retrieval metrics should measure)."""
        ref = parse_reference(question, self.rt.manifest)
        if (
            ref.known_docs
            and ref.pasal
            and ref.known_docs[0] in self.rt.index.info.get("documents", {})
        ):
            passages, _ = self._reference_passages(ref)
            if passages:
                return passages
        return self._search(question, ref)[0]

    def _understand(self, question: str) -> Understanding:
        """The request class of the question as typed, or of its corrected form when only that one
        reads as a personal-record request ("staus sy di MyASN" -> "status saya di MyASN"), or
        when only that one shows a personal-looking question asks for a rule ("sk hukdis sy ...
        kpn mlai brlakunya" -> "... kapan mulai berlakunya": when a decision takes effect)."""
        understood = understand(question)
        if understood.request == RequestClass.INJECTION:
            return understood
        corrected = self.rt.retriever.correct(question).text
        if corrected.lower() == question.lower():
            return understood
        again = understand(corrected)
        if understood.request == RequestClass.REGULATION:
            if again.request == RequestClass.PERSONAL_RECORD:
                again.read_as = corrected
                return again
            return understood
        if again.request == RequestClass.REGULATION and any(
            s.weight < 0 for s in again.signals
        ):  # the rule frame only the corrected words show
            again.read_as = corrected
            return again
        return understood

    def prepare(self, question: str) -> Prepared:
        """The named steps before composing: understand → reference lookup → retrieve → check."""
        question = question.strip()
        prep = Prepared(question=question, status=None, english=is_english(question))
        understood = self._understand(question)
        prep.understood = understood
        prep.trace["understand"] = understood.trace()
        if understood.request == RequestClass.INJECTION:
            return self._refuse(prep, AnswerStatus.REFUSED, "injection", INJECTION_MESSAGE)
        if understood.request == RequestClass.PERSONAL_RECORD:
            return self._personal(prep, understood)
        ref = parse_reference(question, self.rt.manifest)
        prep.trace["reference"] = {
            "docs": [d.doc_id or d.text for d in ref.docs],
            "pasal": ref.pasal,
            "ayat": ref.ayat,
        }
        indexed = set(self.rt.index.info.get("documents", {}))
        if _named_documents(question, ref.unknown_docs) and not self._corpus_mentions(
            question, ref
        ):
            names = ", ".join(d.text.upper() for d in ref.unknown_docs)
            message = refusals.unknown_document(
                names, self.corpus_summary(), self._mention(ref.unknown_docs[0])
            )
            return self._refuse(prep, AnswerStatus.NO_SOURCE, "unknown_document", message)
        missing = [d for d in ref.known_docs if d not in indexed]
        if missing:
            message = self._missing_message(missing)
            return self._refuse(prep, AnswerStatus.MISSING_DOCUMENT, "document_missing", message)
        t0 = time.perf_counter()
        status_found = self._status_passages(question, ref)
        if status_found:
            status = [p for p, _ in status_found]
            doc = self.rt.manifest.get(ref.known_docs[0])
            if doc:
                kind, source = status_found[0][1], status[0].chunk
                scope = self.rt.manifest.partial.get(doc.id, "")
                amenders = ", ".join(
                    info.short if (info := self.rt.manifest.get(d)) else d for d in doc.diubah_oleh
                )
                prep.status_answer = doc_status.status_sentence(
                    doc, kind, source, prep.english, scope, amenders
                )
            note = status_note(doc, self.rt.manifest) if doc else None
            if note and doc:  # for a generator; the extractive answer says it first instead
                prep.status_note = (
                    f"{doc.short} tidak berlaku lagi ({note})."
                    if doc.status == DocStatus.DICABUT
                    else f"{note}."
                )
                prep.temporal_notes.append(prep.status_note)
            prep.passages = status
            prep.trace["candidates"] = [_trace_row(p) for p in status]
            prep.trace["temporal"] = {"aturan": "menanyakan status berlakunya peraturan"}
            return prep
        if ref.known_docs and ref.pasal:
            passages, error = self._reference_passages(ref)
            prep.timings["retrieve"] = (time.perf_counter() - t0) * 1000
            if error:
                return self._refuse(
                    prep, AnswerStatus.NO_SOURCE, "pasal_not_found", f"Maaf, {error}"
                )
            prep.passages = passages
            self._place_in_time(prep, ref)
            prep.trace["candidates"] = [_trace_row(p) for p in prep.passages]
            return prep
        ranked, timings, result = self._search(question, ref)
        prep.timings.update(timings)
        searched = result.query or question
        conf = self.confidence(searched, ranked)
        prep.trace["spelling"] = result.corrections
        prep.trace.update(
            search_query=searched,
            dense=[{"id": cid, "score": round(s, 4)} for cid, s in result.dense[:10]],
            keyword=[{"id": cid, "score": round(s, 4)} for cid, s in result.keyword[:10]],
            candidates=[_trace_row(p) for p in ranked[:10]],
            confidence={
                "dense": round(conf.dense, 4),
                "coverage": round(conf.coverage, 3),
            },
        )
        # text that tries to give instructions is data we do not pass on (injection inside a document)
        flagged = [p.chunk.id for p in ranked if is_injection(p.chunk.text)]
        if flagged:
            prep.trace["dropped_injection"] = flagged
            ranked = [p for p in ranked if p.chunk.id not in flagged]
        prep.passages = ranked
        self._place_in_time(prep, ref)
        return self._check(prep, searched, conf)

    def _status_passages(self, question: str, ref: PlaceRef) -> list[tuple[Passage, str]]:
        """ "Masih berlaku gak PP 99/2000?": the provision that revoked (or amended) the named document,
        read from the texts at index time (the `relations` artifact), with the relation's kind."""
        if not doc_status.asks_status(question, ref):
            return []
        frame = self.time_frame(question, ref)
        if frame.past and frame.rule != temporal.NAMES_REVOKED:  # "waktu UU 5/2014 masih berlaku"
            return []
        doc = self.rt.manifest.get(ref.known_docs[0])
        if doc is None:
            return []
        return doc_status.status_passages(doc, self.rt.index)

    def _place_in_time(self, prep: Prepared, ref: PlaceRef) -> None:
        """Old law → law in force: when the best passage is no longer in force and the question is
        not about the past, its successor leads and the old provision is named as revoked; when the
        question is about the past, the old provision leads and the one in force follows it."""
        prep.frame = frame = self.time_frame(prep.question, ref)
        decision: dict[str, Any] = {**frame.trace(), "padanan": None}
        prep.trace["temporal"] = decision
        # an amended provision: its wording in force, or (asked about the past) the original first
        current = [p for p in prep.passages if not p.chunk.superseded]
        original = [p for p in prep.passages if p.chunk.superseded]
        if original and frame.original:
            prep.passages = original + current
        elif original and current:
            prep.passages = current
        if not frame.past:
            self._applies_meanwhile(prep, ref, decision)
        if not prep.passages:
            return
        if not temporal.is_old(prep.passages[0]):
            if not frame.past:
                self._from_told_old_rule(prep, frame, decision)
            return
        old = prep.passages[0].chunk
        table = self.rt.index.artifact("correspondence")
        successors = self._successor_passages(old, table, prep.passages[0].score)
        decision["padanan"] = [p.chunk.id for p in successors]
        shorts = self._shorts()
        note = successor_note(table, old.id, shorts) if successors else None
        if not frame.past and (not successors or is_doubtful(table, old.id)):
            found = self._searched_successor(prep.question, old, successors)
            if found is not None:  # the law in force says it in its own words: search it there
                decision["dicari_di_pengganti"] = found.chunk.id
                found.score = prep.passages[0].score * 1.02
                successors = [found, *successors]
                note = f"{old.label} telah dicabut; kini diatur dalam {found.chunk.label}."
        if frame.past:
            keep = [p for p in prep.passages if temporal.is_old(p)][:2]
            prep.passages = keep + successors[:1]
            label = "teks asli sebelum diubah" if old.superseded else "tidak berlaku lagi"
            quoted = f"{old.label} dikutip sebagai aturan lama ({label})"
            revoked = f"{old.label} telah dicabut; "
            if note and note.startswith(revoked):  # one sentence: "...; kini diatur dalam ..."
                prep.temporal_notes.append(f"{quoted}; {note.removeprefix(revoked)}")
            else:
                prep.temporal_notes += [f"{quoted}.", *([note] if note else [])]
            decision["keputusan"] = "menjawab dari aturan lama, aturan berlaku di sampingnya"
            return
        if successors:
            ids = {p.chunk.id for p in successors}
            rest = [p for p in prep.passages if p.chunk.id not in ids and not temporal.is_old(p)]
            prep.passages = successors + rest
            prep.temporal_notes.append(note or f"{old.label} tidak berlaku lagi.")
            decision["keputusan"] = "menjawab dari padanannya dalam peraturan yang berlaku"
        else:
            decision["keputusan"] = "tidak ada padanan tercatat: aturan lama dikutip dengan catatan"

    def _from_told_old_rule(
        self, prep: Prepared, frame: TimeFrame, decision: dict[str, Any]
    ) -> None:
        """A question that tells the old rule and asks what applies now ("Dulu jabatan ASN itu JA,
        JF, JPT. Setelah UU ASN yang baru, pembagiannya jadi apa?"): the provision of the revoked
        law the telling describes (searched in the revoked laws) maps, through the correspondence
        table, to the provision in force, which leads with a note naming the old one."""
        told = temporal.told_part(prep.question, frame)
        if len(told.split()) < TOLD_MIN_WORDS:
            return
        named = parse_reference(told, self.rt.manifest).known_docs
        if any(not self._revoked(d) for d in named):  # "PP 49/2018 dulu kasih waktu ...": what
            return  # a law still in force said before is not a revoked provision to map
        revoked = frozenset(d for d in self.rt.manifest.documents if self._revoked(d))
        hits = self.rt.retriever.search(prep.question, k=TOLD_DEPTH, docs=revoked).passages
        old = next((p.chunk for p in hits if temporal.is_old(p)), None)
        table = self.rt.index.artifact("correspondence")
        if old is None or is_doubtful(table, old.id):
            return
        matches = successor_of(table, old.id, limit=1)
        if not matches or matches[0][1] < TOLD_MIN_MAPPING:
            return
        successors = self._successor_passages(old, table, prep.passages[0].score)
        if not successors or successors[0].chunk.id == prep.passages[0].chunk.id:
            return
        ids = {p.chunk.id for p in successors}
        prep.passages = successors + [p for p in prep.passages if p.chunk.id not in ids]
        note = successor_note(table, old.id, self._shorts())
        if note:
            prep.temporal_notes.append(note)
        decision["aturan_lama_diceritakan"] = old.id
        decision["padanan"] = [p.chunk.id for p in successors]
        decision["keputusan"] = "aturan lama yang diceritakan dipetakan ke padanannya yang berlaku"

    def _applies_meanwhile(self, prep: Prepared, ref: PlaceRef, decision: dict[str, Any]) -> None:
        """A best source whose application a transitional clause defers (PP 94/2021 Pasal 8 ayat
        (3): "berlaku setelah Peraturan Pemerintah mengenai Gaji dan Tunjangan berlaku") does not
        answer what applies now: the provision the same clause keeps applying meanwhile (PP 53/2010
        Pasal 7 ayat (3)) leads, the clause that says so follows, then the deferred one, named as
        not yet in force. A question that names the deferred provision's document ("hukdis sedang
        di PP 94/2021 itu apa saja?") is answered from it, with the note."""
        top = prep.passages[: answerability.PASSAGES_CHECKED]
        deferred = next((p for p in top if temporal.is_deferred(p)), None)
        if deferred is None or not deferred.chunk.status_basis:
            return
        clause = temporal.transitional_clause(deferred.chunk.status_basis)
        kept = [
            c
            for c in self.rt.index.ordered
            if c.provision_status == ProvisionStatus.KEPT
            and c.searchable
            and temporal.transitional_clause(c.status_basis or "") == clause
        ]
        if not kept:
            return
        note = temporal.meanwhile_note(deferred.chunk, kept[0])
        named = deferred.chunk.doc in ref.known_docs and kept[0].doc not in ref.known_docs
        if named and not temporal.asks_now(prep.question):
            prep.temporal_notes.append(note)
            decision["keputusan"] = (
                "ketentuan yang ditanyakan belum berlaku: dikutip dengan catatan"
            )
            return
        ids = {c.id for c in kept}
        basis = [  # the clause's ayat that keeps them ("(2) Sebelum berlakunya ... berlaku ...")
            c
            for c in self.rt.index.ordered
            if c.label == kept[0].status_basis and c.part == "batang_tubuh"
        ][:1]
        ids |= {c.id for c in basis}
        score = deferred.score * 1.01
        leading = [Passage(chunk=c, score=score, via="meanwhile") for c in kept[:2] + basis]
        prep.passages = leading + [p for p in prep.passages if p.chunk.id not in ids]
        prep.temporal_notes.append(note)
        decision["berlaku_sementara"] = [c.id for c in kept[:2]]
        decision["keputusan"] = (
            "ketentuan yang ditanyakan belum berlaku: yang berlaku sementara didahulukan"
        )

    def _searched_successor(
        self, question: str, old: Chunk, mapped: list[Passage]
    ) -> Passage | None:
        """The provision of the law that replaced `old`'s that the keyword search ranks first for
        the question, when it holds more of the question's rare terms than the mapped one (a
        doubtful correspondence: "KASN" is only named in UU 20/2023's transitional provision)."""
        doc = self.rt.manifest.get(old.doc)
        successors = set(doc.dicabut_oleh) if doc else set()
        if not successors:
            return None
        hits = self.rt.retriever.keyword_search(question, SUCCESSOR_SEARCH_DEPTH)
        stats = term_stats(self.rt.index.generation, self.rt.index.ordered)
        support = answerability.support_meter(question, stats)
        floor = max((support(p) for p in mapped), default=0.0)
        for cid, _ in hits:
            chunk = self.rt.index.chunks.get(cid)
            if chunk is None or chunk.doc not in successors or not chunk.searchable:
                continue
            found = Passage(chunk=chunk, score=0.0, via="successor_search")
            found.support = support(found)
            return found if found.support > floor else None
        return None

    def _successor_passages(self, old: Chunk, table: Any, score: float) -> list[Passage]:
        """Chunks of the provision in force that correspond to an old one (the correspondence table;
        an amended provision's successor is its consolidated wording)."""
        if old.superseded:
            current = self.rt.index.chunks.get(old.id.removesuffix("@asli"))
            return [Passage(chunk=current, score=score * 1.01, via="successor")] if current else []
        out: list[Passage] = []
        for new_id, _ in successor_of(table, old.id, limit=1):
            chunk = self.rt.index.chunks.get(new_id)
            if chunk is not None:
                chunks = [chunk]
            else:  # a Pasal id ("uu-20-2023/pasal-21"): its ayat in order
                doc, _, pasal = new_id.partition("/pasal-")
                chunks = [c for c in self.rt.index.by_pasal(doc, pasal) if c.part == "batang_tubuh"]
            chunks = [c for c in chunks if c.searchable]  # not a bare "yang dimaksud dengan:"
            out += [Passage(chunk=c, score=score * 1.01, via="successor") for c in chunks[:3]]
        return out

    def _document_words(self, question: str) -> set[str]:
        """The words of the documents a question names ("UU ASN 2023" -> uu, asn, 2023)."""
        words: set[str] = set()
        for mention in parse_reference(question, self.rt.manifest).docs:
            words |= set(re.findall(r"[a-z0-9]+", mention.text.lower()))
            words |= set(tokenize(mention.text))
            if mention.year:
                words.add(str(mention.year))
        if words:  # "UU ASN 2023": the alias and the year after it
            words |= set(re.findall(r"\b(?:19|20)\d\d\b", question))
        return words

    def _check(self, prep: Prepared, searched: str, conf: Confidence) -> Prepared:
        """Do the passages answer this kind of question? Too weak → no_source, partly → partial."""
        kind = prep.understood.answer_type if prep.understood else AnswerType.OPEN
        chosen = self._current_law_first(prep) if prep.passages else []
        stats = term_stats(self.rt.index.generation, self.rt.index.ordered)
        s = self.rt.settings
        verdict = answerability.check(
            searched,
            kind,
            chosen,
            stats,
            siblings=self._siblings(chosen[: answerability.PASSAGES_CHECKED]),
            defined=frozenset(self.rt.index.defined_abbreviations()),
            dense=conf.dense,
            min_score=s.min_confidence,
            support_weight=s.coverage_weight,
        )
        prep.trace["answerability"] = verdict.trace()
        if (
            "confidence" in prep.trace
        ):  # the score the decision used, for the trace and the eval plot
            prep.trace["confidence"].update(
                score=round(verdict.score, 4),
                threshold=s.min_confidence,
                ok=verdict.status != AnswerStatus.NO_SOURCE,
            )
        if not prep.passages:
            verdict.status, verdict.reason = AnswerStatus.NO_SOURCE, "weak_sources"
        terms = {t.term for t in verdict.terms if t.weight}
        delegation = self._delegation(chosen, terms) if chosen else ""
        prep.trace["answerability"]["delegasi"] = delegation or None
        if verdict.status == AnswerStatus.NO_SOURCE:
            prep.passages = []
            message = self._no_source(verdict, delegation)
            return self._refuse(prep, AnswerStatus.NO_SOURCE, verdict.reason, message)
        if delegation:
            prep.temporal_notes.append(delegation)
        if verdict.status == AnswerStatus.PARTIAL:
            prep.partial_reason = verdict.reason
            kind_missing = (
                "" if verdict.type_found else refusals.ANSWER_TYPE_NAMES.get(kind.value, "")
            )
            named = self._document_words(searched)  # "uu asn", "asn 2023": not a missing topic
            missing = [m for m in verdict.missing if not set(m.split()) & named]
            prep.partial_note = refusals.partial_note(missing, kind_missing)
        return prep

    def _shorts(self) -> dict[str, str]:
        """doc id → short name ("pp-11-2017" → "PP 11/2017"), for notes that name provisions."""
        return {d.id: d.short for d in self.rt.manifest.documents.values()}

    def _mention(self, mention: DocMention) -> str:
        """Where the corpus names a document it does not hold (the catalogue read at index time)."""
        if not mention.type:
            return ""
        entry = find_referenced(
            self.rt.index.artifact("catalogue"), mention.type, mention.number, mention.year, True
        )
        if not entry or entry.get("held"):
            return ""
        shorts = self._shorts()
        return ", ".join(shorts.get(doc, doc) for doc in entry.get("mentioned_by", [])[:3])

    def _delegation(self, passages: list[Passage], question_terms: set[str]) -> str:
        """'PP 11/2017 Pasal 341 menyatakan bahwa ketentuan lebih lanjut mengenai … diatur dengan
        Peraturan BKN, yang teksnya tidak ada di korpus' — when the delegated topic is the asked one."""
        catalogue = self.rt.index.artifact("catalogue")
        shorts = self._shorts()
        for d in delegations_for(catalogue, passages[:2]):
            if set(tokenize(d.get("topic") or "")) & question_terms:
                where = self.rt.index.chunks.get(d["chunk"])
                return delegation_note(d, where.label if where else "", shorts)
        return ""

    def _no_source(self, verdict: answerability.Answerability, delegation: str = "") -> str:
        corpus = self.corpus_summary()
        if verdict.reason == "out_of_domain":
            return refusals.out_of_domain(corpus)
        if verdict.reason == "answer_type_mismatch":
            name = refusals.ANSWER_TYPE_NAMES.get(verdict.answer_type.value, "jawaban")
            if verdict.often_asked:
                name = refusals.FREQUENCY_NAME
            return refusals.answer_type_mismatch(name, delegation)
        if verdict.reason == "not_in_corpus":
            return refusals.not_in_corpus(verdict.missing, corpus)
        return refusals.weak_sources(verdict.missing, corpus)

    @staticmethod
    def _refuse(prep: Prepared, status: AnswerStatus, reason: str | None, message: str) -> Prepared:
        prep.status, prep.reason, prep.message = status, reason, message
        prep.trace["decision"] = {"status": status.value, "reason": reason}
        return prep

    def _personal(self, prep: Prepared, understood: Understanding) -> Prepared:
        """Refuse a personal-record lookup; show the general rule beside it when the corpus has it."""
        message = refusals.personal_record(understood.where_to_ask)
        self._refuse(prep, AnswerStatus.REFUSED, "personal_record", message)
        general = general_question(prep.question)
        if len(tokenize(general)) < 2:
            return prep
        ranked, timings, result = self._search(general, parse_reference(general, self.rt.manifest))
        prep.timings.update(timings)
        probe = Prepared(question=general, status=None, passages=ranked, understood=understood)
        probe.understood = understand(general)
        conf = self.confidence(result.query or general, ranked)
        self._check(probe, result.query or general, conf)
        prep.trace["general_rule"] = probe.trace.get("answerability")
        if probe.status is None and probe.partial_reason is None and probe.passages:
            best = self._current_law_first(probe)[:1]
            prep.general = best
            prep.trace["selection"] = [p.chunk.id for p in best]
            prep.message += "\n\nKetentuan umumnya (bukan data Anda): " + compose_extractive(
                best, prep.english
            ).replace("Menurut ", "menurut ", 1)
        return prep

    def _notes(self, passages: list[Passage]) -> list[str]:
        scrambled = [p.chunk for p in passages if (p.chunk.quality or "").startswith("scrambled")]
        notes: list[str] = []
        if scrambled:  # one note for all of them, each document named once: the answer stays short
            notes.append(
                f"Teks {_grouped_labels(scrambled)} dari hasil OCR kurang rapi; periksa naskah resminya."
            )
        for doc_id in dict.fromkeys(p.chunk.doc for p in passages):
            doc = self.rt.manifest.get(doc_id)
            note = status_note(doc, self.rt.manifest) if doc else None
            if not note:
                continue
            if (
                doc
                and doc.diubah_oleh
                and not all(d in self.rt.index.info.get("documents", {}) for d in doc.diubah_oleh)
            ):
                note += "; teks perubahan belum ada di korpus, jadi ketentuan yang dikutip mungkin sudah berubah"
            notes.append(note + ".")
        return notes

    # ---------------------------------------------------------------- answering
    def ask(self, question: str, backend: str | None = None, trace: bool = False) -> Answer:
        started = time.perf_counter()
        backend = backend or self.rt.settings.backend
        prep = self.prepare(question)
        answer = self._finish(prep, backend)
        answer.timings_ms = {**prep.timings, **answer.timings_ms}
        answer.timings_ms.setdefault("retrieve", 0.0)
        answer.timings_ms.setdefault("rerank", 0.0)
        answer.timings_ms.setdefault("generate", 0.0)
        answer.timings_ms["total"] = (time.perf_counter() - started) * 1000
        if trace:
            answer.trace = prep.trace
        return answer

    def _finish(self, prep: Prepared, backend: str) -> Answer:
        base = {"question": prep.question, "search_query": prep.question}
        if prep.status is not None:
            return Answer(
                status=prep.status,
                answer=prep.message,
                backend=backend,
                reason=prep.reason,
                citations=make_citations(prep.general, self.rt.manifest),
                **base,
            )
        t0 = time.perf_counter()
        chosen = (
            select(self._current_law_first(prep))
            if prep.passages[0].via != "reference"
            else prep.passages[:4]
        )
        if backend == "extractive":
            kind = prep.understood.answer_type if prep.understood else None
            asked = prep.trace.get("search_query") or prep.question  # typos corrected
            siblings = self._siblings(chosen[:1]) + self._siblings(chosen[1:3])
            told = expand_shorthand(asked)
            values = asked_quantities(temporal.asked_part(told, prep.frame) if prep.frame else told)
            # a status question leads with the status read from the revoking clause
            given = prep.status_answer if chosen and chosen[0].via == "status" else ""
            composed = compose_answer(asked, chosen, prep.english, kind, siblings, values, given)
            prep.trace["direct_answer"] = {  # how the direct answer was looked for
                "jenis": composed.kind,
                "bentuk": composed.form,
            }
            chosen = composed.passages
            citations = make_citations(chosen, self.rt.manifest)
            notes = prep.temporal_notes + self._notes(chosen)
            text, direct = composed.text, composed.direct
            if given:
                notes = [n for n in notes if n != prep.status_note]
            if prep.partial_note:
                notes.insert(0, prep.partial_note)
            if notes:
                text += "\n\nCatatan: " + " ".join(notes)
            prep.trace["selection"] = [c.id for c in citations]
            return Answer(
                status=AnswerStatus.PARTIAL if prep.partial_reason else AnswerStatus.ANSWERED,
                reason=prep.partial_reason,
                answer=text,
                direct=direct,
                citations=citations,
                backend="extractive",
                notes=notes,
                timings_ms={"generate": (time.perf_counter() - t0) * 1000},
                **base,
            )
        return self._generate(prep, backend, t0, base)

    def _current_law_first(self, prep: Prepared) -> list[Passage]:
        """When the best source is law in force, a repealed law is not quoted beside it (unless asked)."""
        passages = prep.passages
        if not passages:
            return []
        if prep.frame and prep.frame.past:
            return passages
        if temporal.is_old(passages[0]):
            return passages
        return [p for p in passages if not temporal.is_old(p)]

    def _llm_inputs(self, prep: Prepared) -> tuple[list[Passage], str, str]:
        sources = prep.passages[:5] if prep.passages[0].via != "reference" else prep.passages[:6]
        # neighbour expansion: the Penjelasan of the best provision travels with it
        ids = {p.chunk.id for p in sources}
        extra = [
            Passage(chunk=c, score=0.0, via="neighbour")
            for c in self.neighbours(sources[0].chunk)
            if c.part == "penjelasan" and c.searchable and c.id not in ids
        ]
        sources = sources + extra[:1]
        language = "bahasa Inggris" if prep.english else "bahasa Indonesia"
        system = _prompt("system_id.txt").format(language=language)
        question, _ = mask_pii(prep.question)  # personal data never leaves for an external LLM
        user = _prompt("user_id.txt").format(sources=format_sources(sources), question=question)
        prep.trace["prompt"] = {"system": system, "user": user}
        return sources, system, user

    def _generate(self, prep: Prepared, backend: str, t0: float, base: dict[str, str]) -> Answer:
        sources, system, user = self._llm_inputs(prep)
        try:
            raw = self.generator(backend).generate(system, user)
        except (GeneratorError, AsistenError) as exc:
            fallback = self._finish(prep, "extractive")
            fallback.notes.append(
                f"LLM ({backend}) tidak tersedia: {exc}. Jawaban ekstraktif ditampilkan."
            )
            fallback.answer += (
                "\n\n(Catatan: LLM tidak tersedia; jawaban disusun langsung dari kutipan sumber.)"
            )
            return fallback
        return self._checked(prep, backend, raw, sources, t0, base)

    def _checked(
        self,
        prep: Prepared,
        backend: str,
        raw: str,
        sources: list[Passage],
        t0: float,
        base: dict[str, str],
    ) -> Answer:
        citations = make_citations(sources, self.rt.manifest)
        known = {c.doc: set(self.rt.index.pasal_numbers(c.doc)) for c in citations}
        check = check_answer(raw, citations, known)
        prep.trace["llm_raw"] = raw
        prep.trace["citation_check"] = {"removed": check.removed, "uncited": check.uncited}
        used = [c for c in citations if c.n in check.used]
        notes = prep.temporal_notes + self._notes(
            [p for p in sources if any(p.chunk.id == c.id for c in used)]
        )
        timings = {"generate": (time.perf_counter() - t0) * 1000}
        if not used:
            if REFUSAL_SENTENCE[:30].lower() in raw.lower():
                return Answer(
                    status=AnswerStatus.NO_SOURCE,
                    reason="llm_no_answer",
                    answer=REFUSAL_SENTENCE,
                    backend=backend,
                    timings_ms=timings,
                    **base,
                )
            fallback = self._finish(prep, "extractive")
            fallback.status = AnswerStatus.PARTIAL
            fallback.reason = "unsupported_claim"
            fallback.notes.append(
                "Jawaban LLM tidak lolos pemeriksaan sitasi; ditampilkan kutipan sumber."
            )
            return fallback
        # the same gate after generation: a number the cited sources do not contain is not kept
        source_text = " ".join(c.text for c in used)
        text, invented = answerability.drop_unsupported_numbers(check.text, source_text)
        prep.trace["number_check"] = {"removed": invented}
        status = AnswerStatus.ANSWERED if check.clean and not invented else AnswerStatus.PARTIAL
        reason = prep.partial_reason if check.clean and not invented else "unsupported_claim"
        if prep.partial_reason and status == AnswerStatus.ANSWERED:
            status = AnswerStatus.PARTIAL
        if prep.partial_note:
            notes.insert(0, prep.partial_note)
        if invented:
            notes.append(f"{len(invented)} kalimat dihapus karena angkanya tidak ada di sumber.")
        if check.removed or check.uncited:
            notes.append(
                f"{len(check.removed) + len(check.uncited)} kalimat dihapus karena sitasinya tidak dapat diverifikasi."
            )
        if notes:
            text += "\n\nCatatan: " + " ".join(n for n in notes if n.endswith("."))
        return Answer(
            status=status,
            reason=reason,
            answer=text,
            citations=used,
            backend=backend,
            notes=notes,
            timings_ms=timings,
            **base,
        )

    def stream(
        self, question: str, backend: str | None = None, trace: bool = False
    ) -> Iterator[dict[str, Any]]:
        """Events: {"type": "sources"}, {"type": "token"}..., {"type": "done", "answer": {...}}."""
        backend = backend or self.rt.settings.backend
        started = time.perf_counter()
        prep = self.prepare(question)
        if prep.status is None and backend != "extractive":
            sources, system, user = self._llm_inputs(prep)
            yield {
                "type": "sources",
                "citations": [
                    c.model_dump(mode="json") for c in make_citations(sources, self.rt.manifest)
                ],
            }
            t0 = time.perf_counter()
            parts: list[str] = []
            try:
                for token in self.generator(backend).stream(system, user):
                    parts.append(token)
                    yield {"type": "token", "text": token}
                answer = self._checked(
                    prep,
                    backend,
                    "".join(parts),
                    sources,
                    t0,
                    {"question": prep.question, "search_query": prep.question},
                )
            except (GeneratorError, AsistenError) as exc:
                answer = self._finish(prep, "extractive")
                answer.notes.append(
                    f"LLM ({backend}) tidak tersedia: {exc}. Jawaban ekstraktif ditampilkan."
                )
        else:
            answer = self._finish(prep, backend if prep.status is None else backend)
            yield {
                "type": "sources",
                "citations": [c.model_dump(mode="json") for c in answer.citations],
            }
            for piece in re.split(r"(\s+)", answer.answer):
                if piece:
                    yield {"type": "token", "text": piece}
        answer.timings_ms = {
            **prep.timings,
            **answer.timings_ms,
            "total": (time.perf_counter() - started) * 1000,
        }
        if trace:
            answer.trace = prep.trace
        yield {"type": "done", "answer": answer.model_dump(mode="json")}


def _trace_row(p: Passage) -> dict[str, Any]:
    return {
        "id": p.chunk.id,
        "label": p.chunk.label,
        "score": round(p.score, 5),
        "dense": None if p.dense is None else round(p.dense, 4),
        "dense_rank": p.dense_rank,
        "keyword": None if p.keyword is None else round(p.keyword, 4),
        "keyword_rank": p.keyword_rank,
        "fused": None if p.fused is None else round(p.fused, 5),
        "rerank": None if p.rerank is None else round(p.rerank, 4),
        "support": None if p.support is None else round(p.support, 3),
        "nilai_cocok": p.holds_value,
        "via": p.via,
    }
