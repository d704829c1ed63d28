"""Answering a question: guard → reference lookup → retrieve → compose (extractive or LLM) → check."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from assistant.cite import check_answer, make_citations
from assistant.compose import compose_extractive, format_sources, select
from assistant.documents import Answer, AnswerStatus, Chunk, DocStatus, Passage
from assistant.errors import AsistenError, GeneratorError
from assistant.guard import is_english, is_injection, mask_pii
from assistant.manifest import status_note
from assistant.references import PlaceRef, parse_reference
from assistant.runtime import Runtime
from assistant.text import definition_term, tokenize

REFUSAL_SENTENCE = "Maaf, sumber yang tersedia tidak memuat jawaban atas pertanyaan ini."
REPEALED_PENALTY = 0.8  # prefer the law in force unless the question asks for the old one
DEFINITION_BOOST = 1.3  # "apa yang dimaksud dengan X" is answered by Pasal 1 (Ketentuan Umum)
NON_DEFINITION_PENALTY = 0.9  # definitions match many terms; they rarely answer other questions
UNPLACED_PENALTY = 0.85  # Pembukaan / Penjelasan Umum / Lampiran: context, rarely the answer
_DEFINITION_HINT = re.compile(
    r"\b(pengertian|definisi|yang\s+dimaksud|dimaksud\s+dengan|apa\s+itu|apa\s+sih|singkatan|kepanjangan|"
    r"arti(nya)?|bedanya|perbedaan|what\s+is|what\s+are|meaning|definition|stands?\s+for)\b",
    re.I,
)
_OLD_LAW_HINT = re.compile(
    r"\b(2014|lama|dulu|sebelum|dicabut|uu\s*5\b|old|previous|former)\b", re.I
)


@dataclass
class Confidence:
    dense: float
    coverage: float
    score: float
    threshold: float
    ok: bool


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


def _prompt(name: str) -> str:
    return resources.files("assistant.prompts").joinpath(name).read_text(encoding="utf-8")


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
        s = self.rt.settings
        q_tokens = set(tokenize(question))
        top = passages[:3]
        dense = max((p.dense or 0.0) for p in top) if top else 0.0
        if not q_tokens or not top:
            coverage = 0.0
        else:
            seen = set().union(*(set(tokenize(p.chunk.embed_text)) for p in top))
            coverage = len(q_tokens & seen) / len(q_tokens)
        score = dense + s.coverage_weight * coverage
        ok = bool(top) and score >= s.min_confidence
        return Confidence(dense, coverage, score, s.min_confidence, ok)

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
        if not _DEFINITION_HINT.search(question):
            return []
        q_tokens = set(tokenize(question))
        found: list[tuple[float, Chunk]] = []
        for chunk in self.rt.index.definitions():
            if ref.known_docs and chunk.doc not in ref.known_docs:
                continue
            term, abbrev = definition_term(chunk.text)
            term_tokens = set(tokenize(term))
            words = set(re.findall(r"[a-z0-9]+", question.lower()))
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

    def _rank(self, question: str, passages: list[Passage], ref: PlaceRef) -> list[Passage]:
        wants_old = bool(_OLD_LAW_HINT.search(question))
        wants_definition = bool(_DEFINITION_HINT.search(question))
        named = set(ref.known_docs)
        # "after UU 5/2014 was replaced by UU 20/2023 ...": the repealed law is context, not the subject
        for doc_id in list(named):
            doc = self.rt.manifest.get(doc_id)
            if doc and doc.status == DocStatus.DICABUT and set(doc.dicabut_oleh) & named:
                named.discard(doc_id)
                wants_old = False
        for p in passages:
            if p.chunk.pasal == "1" and p.chunk.part == "batang_tubuh":
                p.score *= DEFINITION_BOOST if wants_definition else NON_DEFINITION_PENALTY
            if p.chunk.pasal is None and p.chunk.part != "materi":
                p.score *= UNPLACED_PENALTY
            if (
                p.chunk.doc_status == DocStatus.DICABUT
                and not wants_old
                and p.chunk.doc not in named
            ):
                p.score *= REPEALED_PENALTY
            if named and p.chunk.doc in named:
                p.score *= 1.5
        return sorted(passages, key=lambda p: p.score, reverse=True)

    def neighbours(self, chunk: Chunk) -> list[Chunk]:
        """The other ayat of the same Pasal and its Penjelasan (available to the composer and the UI)."""
        if not chunk.pasal:
            return []
        return [c for c in self.rt.index.by_pasal(chunk.doc, chunk.pasal) if c.id != chunk.id]

    def _search(self, question: str, ref: PlaceRef):  # noqa: ANN202
        result = self.rt.retriever.search(question, k=max(self.rt.settings.k, 10))
        timings = {
            "retrieve": result.timings_ms["dense"]
            + result.timings_ms["keyword"]
            + result.timings_ms["fuse"],
            "rerank": result.timings_ms["rerank"],
        }
        ranked = self._rank(question, result.passages, ref)
        if ref.known_docs:
            ranked = [p for p in ranked if p.chunk.doc in ref.known_docs] or ranked
        definitions = self._definition_passages(question, ref)
        if definitions:
            top = ranked[0].score if ranked else 1.0
            ids = {p.chunk.id for p in definitions}
            for p in definitions:
                p.score = top * 1.01
            ranked = definitions + [p for p in ranked if p.chunk.id not in ids]
        return ranked, timings, result

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

    def prepare(self, question: str) -> Prepared:
        question = question.strip()
        prep = Prepared(question=question, status=None, english=is_english(question))
        if is_injection(question):
            prep.status = AnswerStatus.REFUSED
            prep.message = (
                "Maaf, permintaan ini meminta Asisten ASN mengabaikan atau mengubah aturannya, sehingga tidak "
                "dapat dipenuhi. Asisten hanya menjawab pertanyaan tentang regulasi ASN berdasarkan sumber resmi "
                "di korpus, dengan sitasi Pasal/ayat."
            )
            return prep
        ref = parse_reference(question, self.rt.manifest)
        prep.trace["reference"] = {
            "docs": [d.doc_id or d.text for d in ref.docs],
            "pasal": ref.pasal,
            "ayat": ref.ayat,
        }
        indexed = set(self.rt.index.info.get("documents", {}))
        if ref.unknown_docs and not self._corpus_mentions(question, ref):
            names = ", ".join(d.text.upper() for d in ref.unknown_docs)
            prep.status = AnswerStatus.NO_SOURCE
            prep.message = (
                f"Maaf, {names} tidak ada di korpus Asisten ASN, jadi tidak dapat dijawab berdasarkan sumber. "
                f"Korpus saat ini memuat: {self.corpus_summary()}."
            )
            return prep
        missing = [d for d in ref.known_docs if d not in indexed]
        if missing:
            prep.status = AnswerStatus.MISSING_DOCUMENT
            prep.message = self._missing_message(missing)
            return prep
        t0 = time.perf_counter()
        if ref.known_docs and ref.pasal:
            passages, error = self._reference_passages(ref)
            prep.timings["retrieve"] = (time.perf_counter() - t0) * 1000
            if error:
                prep.status = AnswerStatus.NO_SOURCE
                prep.message = f"Maaf, {error}"
                return prep
            prep.passages = passages
            prep.trace["candidates"] = [_trace_row(p) for p in passages]
            return prep
        ranked, timings, result = self._search(question, ref)
        prep.timings.update(timings)
        conf = self.confidence(question, ranked)
        prep.trace.update(
            search_query=question,
            dense=[{"id": cid, "score": round(s, 4)} for cid, s in result.dense[:10]],
            keyword=[{"id": cid, "score": round(s, 4)} for cid, s in result.keyword[:10]],
            candidates=[_trace_row(p) for p in ranked[:10]],
            confidence={
                "dense": round(conf.dense, 4),
                "coverage": round(conf.coverage, 3),
                "ok": conf.ok,
            },
        )
        if not conf.ok:
            prep.status = AnswerStatus.NO_SOURCE
            prep.message = (
                "Maaf, sumber yang tersedia tidak memuat jawaban atas pertanyaan ini. "
                f"Asisten ASN hanya menjawab dari korpus regulasi: {self.corpus_summary()}. "
                "Jika Anda memiliki peraturan yang relevan, tambahkan PDF-nya ke folder korpus lalu jalankan "
                "`asisten index`."
            )
            return prep
        # text that tries to give instructions is data we do not pass on (injection inside a document)
        flagged = [p.chunk.id for p in ranked if is_injection(p.chunk.text)]
        if flagged:
            prep.trace["dropped_injection"] = flagged
            ranked = [p for p in ranked if p.chunk.id not in flagged]
            if not ranked:
                prep.status = AnswerStatus.NO_SOURCE
                prep.message = REFUSAL_SENTENCE
                return prep
        prep.passages = ranked
        return prep

    def _notes(self, passages: list[Passage]) -> list[str]:
        notes: list[str] = []
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
            return Answer(status=prep.status, answer=prep.message, backend=backend, **base)
        t0 = time.perf_counter()
        chosen = (
            select(self._current_law_first(prep))
            if prep.passages[0].via != "reference"
            else prep.passages[:4]
        )
        if backend == "extractive":
            citations = make_citations(chosen, self.rt.manifest)
            notes = self._notes(chosen)
            text = compose_extractive(chosen, prep.english)
            if notes:
                text += "\n\nCatatan: " + " ".join(notes)
            prep.trace["selection"] = [c.id for c in citations]
            return Answer(
                status=AnswerStatus.ANSWERED,
                answer=text,
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
        if passages[0].chunk.doc_status == DocStatus.DICABUT or _OLD_LAW_HINT.search(prep.question):
            return passages
        return [p for p in passages if p.chunk.doc_status != DocStatus.DICABUT]

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
        notes = self._notes([p for p in sources if any(p.chunk.id == c.id for c in used)])
        timings = {"generate": (time.perf_counter() - t0) * 1000}
        if not used:
            if REFUSAL_SENTENCE[:30].lower() in raw.lower():
                return Answer(
                    status=AnswerStatus.NO_SOURCE,
                    answer=REFUSAL_SENTENCE,
                    backend=backend,
                    timings_ms=timings,
                    **base,
                )
            fallback = self._finish(prep, "extractive")
            fallback.status = AnswerStatus.PARTIAL
            fallback.notes.append(
                "Jawaban LLM tidak lolos pemeriksaan sitasi; ditampilkan kutipan sumber."
            )
            return fallback
        status = AnswerStatus.ANSWERED if check.clean else AnswerStatus.PARTIAL
        text = check.text
        if check.removed or check.uncited:
            notes.append(
                f"{len(check.removed) + len(check.uncited)} kalimat dihapus karena sitasinya tidak dapat diverifikasi."
            )
        if notes:
            text += "\n\nCatatan: " + " ".join(n for n in notes if n.endswith("."))
        return Answer(
            status=status,
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
        "via": p.via,
    }
